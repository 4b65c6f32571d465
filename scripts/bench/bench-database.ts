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

/**
 * What a lookup and a dispense read, as an app that has served them for a
 * while holds it: tables and indexes loaded into shared buffers with
 * pg_prewarm (docs/decisions/098). A bulk load (COPY) passes through a
 * small ring of buffers and leaves them nearly empty, and this machine
 * pages out file cache untouched for a minute, so without this the HTTP
 * figures would measure the disk filling the buffers rather than the app.
 * The app's own cluster gets the same state back after a restart from
 * pg_prewarm's autoprewarm.
 */
export const SERVING_RELATIONS = [
  'products', 'products_pkey', 'organisations', 'organisations_pkey', 'batches', 'batches_pkey', 'recalls', 'recalls_pkey',
  'packs', 'packs_pkey', 'events', 'events_pkey', 'events_event_id_key', 'events_leaves_idx', 'event_epcs_pkey', 'event_epcs_event_id_idx',
];

export async function prewarmServingRelations(ownerUrl: string): Promise<{ mib: number; seconds: number }> {
  return asOwner(ownerUrl, async (client) => {
    const started = Date.now();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const { rows } = await client.query<{ blocks: string }>(
      `SELECT coalesce(sum(pg_prewarm(c.oid)), 0)::bigint AS blocks FROM unnest($1::text[]) WITH ORDINALITY AS r(name, n)
         JOIN pg_class c ON c.relname = r.name AND c.relnamespace = 'public'::regnamespace`,
      [SERVING_RELATIONS],
    );
    return { mib: Math.round((Number(rows[0]!.blocks) * 8) / 1024), seconds: Math.round((Date.now() - started) / 100) / 10 };
  });
}
