import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { disconnectDb } from '@/lib/db';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';

/**
 * The benchmark's own PostgreSQL: embedded, in a temporary DATA_DIR, with
 * production settings (fsync and synchronous commit on), migrated, the app
 * role granted as `npm start` grants it. This process then talks to it as
 * the app role through lib/db (DATABASE_URL), like the server; bulk loading
 * uses the owner URL.
 */
export type TBenchDatabase = { dataDir: string; ownerUrl: string; appUrl: string; version: string; stop: () => Promise<void> };

export async function openBenchDatabase(): Promise<TBenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'bench' });
  await applyMigrations(embedded.ownerUrl);
  const owner = new pg.Client({ connectionString: embedded.ownerUrl });
  await owner.connect();
  let version: string;
  try {
    await grantAppRole(owner, 'pharmatrace_app');
    version = (await owner.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;
  } finally {
    await owner.end();
  }
  process.env.DATABASE_URL = embedded.appUrl;
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_OWNER_URL;
  resetEnvCache();
  return {
    dataDir,
    ownerUrl: embedded.ownerUrl,
    appUrl: embedded.appUrl,
    version,
    stop: async () => {
      await disconnectDb();
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on a fresh owner connection (bulk loading, VACUUM, ANALYZE). */
export async function asOwner<T>(ownerUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  // A failure must surface as itself, not as a connection dropped when the cluster stops.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
