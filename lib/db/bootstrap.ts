import path from 'node:path';
import pg from 'pg';
import { getEnv } from '@/lib/env';
import { startEmbeddedPostgres, type TEmbeddedPostgres } from './embedded';
import { applyMigrations } from './migrate';
import { grantAppRole } from './roles';

/**
 * Gets a database ready for the app: embedded Postgres under DATA_DIR when no
 * DATABASE_URL is set (started here, stopped by `stop`), migrations applied as
 * the owner role, and the app role's grants refreshed.
 */
export type TPreparedDatabase = {
  appUrl: string;
  ownerUrl: string;
  embedded: TEmbeddedPostgres | null;
  migrationsApplied: string[];
  stop: () => Promise<void>;
};

export async function prepareDatabase(log: (line: string) => void = () => undefined): Promise<TPreparedDatabase> {
  const env = getEnv();
  let embedded: TEmbeddedPostgres | null = null;
  let appUrl = env.DATABASE_URL;
  let ownerUrl = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
  if (!appUrl || !ownerUrl) {
    const dataDir = path.resolve(env.DATA_DIR);
    log(`Starting embedded PostgreSQL (data in ${dataDir}/pg) ...`);
    embedded = await startEmbeddedPostgres({ dataDir });
    appUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
    log(`Embedded PostgreSQL ready on 127.0.0.1:${embedded.port}.`);
  }
  const { applied } = await applyMigrations(ownerUrl);
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  await refreshGrants(ownerUrl, appUrl);
  const stop = async () => {
    if (embedded) await embedded.stop();
  };
  return { appUrl, ownerUrl, embedded, migrationsApplied: applied, stop };
}

/** When the app connects as a different role than the owner, give it exactly its rights. */
async function refreshGrants(ownerUrl: string, appUrl: string): Promise<void> {
  const appUser = decodeURIComponent(new URL(appUrl).username);
  const ownerUser = decodeURIComponent(new URL(ownerUrl).username);
  if (!appUser || appUser === ownerUser) return;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await grantAppRole(client, appUser);
  } finally {
    await client.end();
  }
}
