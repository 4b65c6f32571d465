import pg from 'pg';

/**
 * The application's own database role. It may read and append to the ledger
 * tables but never change or remove a row of them: even a bug or an injected
 * query in the app cannot rewrite history (the triggers are the second wall,
 * the audit the third). Migrations run as the owner role.
 */
export const APPEND_ONLY_TABLES = [
  'events',
  'event_epcs',
  'anchors',
  'ledger_chunks',
  'checkpoints',
  'audit_log',
  'alert_changes',
] as const;

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe role name: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Creates the role if needed and (re)sets its password. Cluster-wide. */
export async function ensureAppRole(owner: pg.ClientBase, role: string, password: string): Promise<void> {
  const { rowCount } = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = rowCount ? 'ALTER' : 'CREATE';
  await owner.query(`${verb} ROLE ${ident(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal(password)}`);
}

/** Grants the app role what it needs in the current database; run after every migration. */
export async function grantAppRole(owner: pg.ClientBase, role: string): Promise<void> {
  const r = ident(role);
  const { rows } = await owner.query<{ db: string }>('SELECT current_database() AS db');
  const statements = [
    `GRANT CONNECT, TEMPORARY ON DATABASE "${rows[0]!.db.replace(/"/g, '""')}" TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.map((t) => `"${t}"`).join(', ')} FROM ${r}`,
    `REVOKE DELETE, TRUNCATE ON "recalls" FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${r}`,
  ];
  for (const sql of statements) await owner.query(sql);
}
