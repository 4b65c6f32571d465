/** Number of finished migrations recorded in the database (for /api/health). */
export async function countAppliedMigrations(run: (sql: string) => Promise<{ rows: { n: number }[] }>): Promise<number> {
  const { rows } = await run(
    `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows[0]?.n ?? 0;
}
