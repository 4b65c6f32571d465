import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { DEFAULT_APP_ROLE } from '@/lib/db/embedded';
import { disconnectDb } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureAppRole, grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';
import { createTestBatch, createTestParty, packCode, scan } from '@/lib/events/testing/fixtures';
import { sealWaiting } from '@/lib/ledger';
import { resetLedgerSigner } from '@/lib/ledger/ledger-signer';
import { PG15_BIN, run, startPg15Cluster, type TPg15Cluster } from './pg15-cluster';

/**
 * A backup taken with `pg_dump` and restored into a fresh database passes
 * `npm run audit`, the very command an operator runs after a restore
 * (docs/ledger/operations.md); one row changed in the restored copy makes
 * it fail. Real events (commissioning, shipping, receiving), sealed, plus
 * one still waiting. The cluster is this file's own PostgreSQL 15
 * (lib/testing/fault/pg15-cluster.ts): pg_dump must match the server.
 */
const APP_PASSWORD = 'backup-test-app';
let dir: string;
let cluster: TPg15Cluster;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

const appUrl = (database: string) => {
  const url = new URL(cluster.url(database));
  [url.username, url.password] = [DEFAULT_APP_ROLE, APP_PASSWORD];
  return url.toString();
};

async function asOwner<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A migrated database on the cluster, used by this process as the app role. */
async function prepareOriginal(): Promise<void> {
  await asOwner('postgres', async (c) => {
    await c.query('CREATE DATABASE original');
    await ensureAppRole(c, DEFAULT_APP_ROLE, APP_PASSWORD);
  });
  await applyMigrations(cluster.url('original'));
  await asOwner('original', (c) => grantAppRole(c, DEFAULT_APP_ROLE));
  await disconnectDb();
  process.env.DATABASE_URL = appUrl('original');
  process.env.DATA_DIR = path.join(dir, 'data');
  resetEnvCache();
  resetLedgerSigner();
}

/** Commissioning, shipping and receiving of real packs through lib/events, sealed in two periods; the last receipt still waiting. */
async function recordEvents(): Promise<void> {
  const maker = await createTestParty('MANUFACTURER');
  const distributor = await createTestParty('DISTRIBUTOR');
  const batch = await createTestBatch(maker);
  const { serials } = await commissionBatch(maker.actor, batch.batchId, { count: 12 });
  const codes = serials.map((serial) => packCode(batch, serial));
  await scan(maker, { kind: 'ship', codes: codes.slice(0, 8), to: distributor.gln });
  expect(await sealWaiting()).toHaveLength(1);
  await scan(distributor, { kind: 'receive', codes: codes.slice(0, 4) });
  expect(await sealWaiting()).toHaveLength(1);
  await scan(distributor, { kind: 'receive', codes: codes.slice(4, 8) });
}

/** `npm run audit` (scripts/audit.ts through tsx, as package.json runs it) against `database`, as the app role. */
function audit(database: string) {
  const env = { ...process.env, DATABASE_URL: appUrl(database), DATA_DIR: path.join(dir, 'data') };
  return run(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/audit.ts'], { env, cwd: process.cwd() });
}

const counts = (database: string) =>
  asOwner(database, async (c) => (await c.query('SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM anchors) AS anchors, (SELECT count(*)::int FROM checkpoints) AS checkpoints')).rows[0]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-backup-'));
  await chmod(dir, 0o755); // run as root, the server runs as `postgres`, which must reach its folder inside
  cluster = await startPg15Cluster(path.join(dir, 'cluster'));
  await prepareOriginal();
  await recordEvents();
  await disconnectDb();
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
  process.env.DATABASE_URL = saved.DATABASE_URL;
  process.env.DATA_DIR = saved.DATA_DIR;
  resetEnvCache();
  resetLedgerSigner();
});

describe('a pg_dump backup restored into a fresh database', () => {
  it('passes npm run audit, is still append-only for the app, and fails the audit once a row is changed', async () => {
    const dump = path.join(dir, 'backup.dump');
    const dumped = await run(path.join(PG15_BIN, 'pg_dump'), ['-Fc', '-f', dump, '-d', cluster.url('original')]);
    expect(dumped.code, dumped.stderr).toBe(0);
    await asOwner('postgres', (c) => c.query('CREATE DATABASE restored'));
    const restored = await run(path.join(PG15_BIN, 'pg_restore'), ['--exit-on-error', '-d', cluster.url('restored'), dump]);
    expect(restored.code, restored.stderr).toBe(0);

    expect(await counts('restored')).toEqual(await counts('original'));
    expect((await applyMigrations(cluster.url('restored'))).applied).toEqual([]);
    const intact = await audit('restored');
    expect(intact.code, `${intact.stdout}\n${intact.stderr}`).toBe(0);
    expect(intact.stdout).toMatch(/^✓ Ledger intact: 4 events \(3 sealed, 1 waiting\), 2 periods, 2 chunks, 2 checkpoints/);

    // The append-only triggers come back as the migration made them (ENABLE ALWAYS), and the app role's grants without UPDATE.
    const guard = await asOwner('restored', async (c) => ({
      triggers: (await c.query<{ tgenabled: string }>(`SELECT DISTINCT tgenabled FROM pg_trigger WHERE tgname LIKE '%append_only%'`)).rows.map((r) => r.tgenabled),
      update: (await c.query<{ ok: boolean }>(`SELECT has_table_privilege($1, 'events', 'UPDATE') AS ok`, [DEFAULT_APP_ROLE])).rows[0]!.ok,
    }));
    expect(guard).toEqual({ triggers: ['A'], update: false });

    await asOwner('restored', async (c) => {
      await c.query('BEGIN');
      await c.query('ALTER TABLE events DISABLE TRIGGER ALL');
      const changed = await c.query(`UPDATE events SET public_record = replace(public_record, '"receiving"', '"shipping"') WHERE id = (SELECT min(id) FROM events WHERE biz_step = 'receiving')`);
      expect(changed.rowCount).toBe(1);
      await c.query('COMMIT');
    });
    const damaged = await audit('restored');
    expect(damaged.code, `${damaged.stdout}\n${damaged.stderr}`).toBe(1);
    expect(damaged.stdout).toMatch(/^✗ LEDGER DAMAGED: 1 failure .*\nFirst: event \d+ .*stored record does not hash to the sealed leaf in period #1/);
    expect((await audit('original')).code).toBe(0);
  }, 120_000);
});
