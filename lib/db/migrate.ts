import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in name order and
 * records each in Prisma's `_prisma_migrations` table exactly as
 * `prisma migrate deploy` would (same checksum: SHA-256 hex of the file), so
 * that tool keeps working wherever its schema-engine binary can be had.
 * See docs/decisions/002-migrations-without-schema-engine.md.
 */
export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

// Prisma's own lock key for migrations, so our runner and `prisma migrate`
// never apply migrations to the same database at the same time.
const MIGRATION_LOCK_KEY = 72707369;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type TMigrationFile = { name: string; sql: string; checksum: string };
export type TMigrationResult = { applied: string[]; total: number };

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<TMigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Refuses to go on when history and files disagree: an edited or failed migration needs a person. */
function checkHistory(files: TMigrationFile[], applied: AppliedRow[]): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(`Migration ${row.migration_name} started but never finished; repair the database before going on.`);
    }
    const file = byName.get(row.migration_name);
    if (!file) throw new Error(`Migration ${row.migration_name} is applied but its folder is missing from prisma/migrations.`);
    if (file.checksum !== row.checksum) {
      throw new Error(`Migration ${row.migration_name} was edited after it was applied (checksum differs). Add a new migration instead.`);
    }
  }
}

async function applyOne(client: pg.Client, file: TMigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${file.name} failed and was rolled back: ${message}`);
  }
}

/** Applies every pending migration, each in its own transaction. */
export async function applyMigrations(ownerUrl: string, dir = MIGRATIONS_DIR): Promise<TMigrationResult> {
  const files = await readMigrationFiles(dir);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    checkHistory(files, rows);
    const done = new Set(rows.filter((r) => !r.rolled_back_at).map((r) => r.migration_name));
    const pending = files.filter((f) => !done.has(f.name));
    for (const file of pending) await applyOne(client, file);
    return { applied: pending.map((f) => f.name), total: files.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
