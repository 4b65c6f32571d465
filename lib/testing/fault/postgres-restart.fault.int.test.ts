import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { disconnectDb, getPool } from '@/lib/db';
import { startEmbeddedPostgres, type TEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';
import { createTestBatch, createTestParty, packCode, type TTestOrg } from '@/lib/events/testing/fixtures';
import { runLedgerAudit, sealWaiting } from '@/lib/ledger';
import { captureOver, chunk, killHard, send, shipmentDocument, shippingEventsNaming, sleep, startRouteServer, type TAnswer, type TRouteServer } from './fault-helpers';

/**
 * PostgreSQL is stopped and started again under a stream of requests to a
 * real server process. Meanwhile the server answers 503 (problem+json
 * `db_unavailable` with Retry-After; the health check 503), never 500 or a
 * dropped connection; it serves again by itself once the database is back,
 * without a restart; every capture answered 202 is in the ledger whole,
 * every other one whole or not at all; and the ledger audits clean.
 *
 * The cluster is this file's own (the other test files share theirs).
 */
const DOWN_MS = 2_500;

let dir: string;
let cluster: TEmbeddedPostgres;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
let maker: TTestOrg;
let distributor: TTestOrg;
let batch: { gtin: string; batchId: string; lot: string; expiry: string };
let serials: string[];

const startCluster = (port?: number) => startEmbeddedPostgres({ dataDir: dir, database: 'fault', fast: true, port });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-fault-pg-'));
  cluster = await startCluster();
  await applyMigrations(cluster.ownerUrl);
  const owner = new pg.Client({ connectionString: cluster.ownerUrl });
  await owner.connect();
  await grantAppRole(owner, 'pharmatrace_app');
  await owner.end();
  await disconnectDb();
  process.env.DATABASE_URL = cluster.appUrl;
  process.env.DATA_DIR = dir;
  resetEnvCache();
  maker = await createTestParty('MANUFACTURER');
  distributor = await createTestParty('DISTRIBUTOR');
  batch = await createTestBatch(maker);
  await commissionBatch(maker.actor, batch.batchId, { count: 3000 });
  serials = (await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE batch_id = $1 ORDER BY serial', [batch.batchId])).rows.map((r) => r.serial);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  await cluster.stop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
  process.env.DATABASE_URL = saved.DATABASE_URL;
  process.env.DATA_DIR = saved.DATA_DIR;
  resetEnvCache();
});

type TSample = { at: number; kind: 'capture' | 'verify' | 'health'; answer: TAnswer | null; group?: string[] };

/** Requests in a loop until `stop()`: a capture of 20 packs, a public verification, a health check, again. */
function stream(server: TRouteServer): { samples: TSample[]; stop: () => Promise<void> } {
  const samples: TSample[] = [];
  const groups = chunk(serials, 20);
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running && n < groups.length) {
      const group = groups[n]!;
      const address = `203.0.113.${(n % 250) + 1}`;
      n++;
      samples.push({ at: Date.now(), kind: 'capture', group, answer: await captureOver(server, maker.apiKey, shipmentDocument(maker, distributor, batch.gtin, group)) });
      samples.push({ at: Date.now(), kind: 'verify', answer: await send(`${server.url}/api/v1/verify?code=${encodeURIComponent(packCode(batch, group[0]!))}`, { headers: { 'x-forwarded-for': address } }) });
      samples.push({ at: Date.now(), kind: 'health', answer: await send(`${server.url}/api/health`) });
      await sleep(20);
    }
  })();
  return { samples, stop: async () => ((running = false), await loop) };
}

describe('PostgreSQL restarted under load', () => {
  it('answers 503 while the database is away, recovers by itself, loses nothing acknowledged, and the audit passes', async () => {
    const server = await startRouteServer();
    try {
      const load = stream(server);
      await sleep(1_500);
      await cluster.stop();
      const downFrom = Date.now();
      await sleep(DOWN_MS);
      const downUntil = Date.now();
      cluster = await startCluster(cluster.port);
      await sleep(4_000);
      await load.stop();

      const { samples } = load;
      // The process lived through it (a dropped connection is not an uncaught exception).
      expect(server.child.process.exitCode, server.child.process.exitCode === null ? '' : (await server.child.exited).stderr).toBeNull();
      // No request ever failed at the socket, and no 5xx other than 503.
      expect(samples.filter((s) => s.answer === null)).toEqual([]);
      expect(samples.filter((s) => s.answer!.status >= 500 && s.answer!.status !== 503).map((s) => [s.kind, s.answer!.status, s.answer!.body])).toEqual([]);
      // While it was down: 503 with the problem's code and Retry-After (health: its own JSON with status "unavailable").
      const down = samples.filter((s) => s.at >= downFrom && s.at < downUntil);
      expect(down.length).toBeGreaterThanOrEqual(5);
      for (const s of down) {
        expect(s.answer!.status).toBe(503);
        if (s.kind === 'health') expect(s.answer!.body.status).toBe('unavailable');
        else {
          expect(s.answer!.contentType).toBe('application/problem+json');
          expect(s.answer!.body.code).toBe('db_unavailable');
          expect(Number(s.answer!.retryAfter)).toBeGreaterThan(0);
        }
      }
      // Back by itself: the same server process answers 200/202 again after the restart.
      const after = samples.filter((s) => s.at > downUntil + 1_000);
      expect(after.filter((s) => s.kind === 'capture' && s.answer!.status === 202).length).toBeGreaterThan(0);
      expect(after.filter((s) => s.kind === 'verify' && s.answer!.status === 200).length).toBeGreaterThan(0);
      expect(samples.at(-1)!.answer!.status).toBe(200);

      // Acknowledged captures whole; the others whole or not at all.
      for (const s of samples.filter((x) => x.kind === 'capture')) {
        const recorded = await shippingEventsNaming(batch.gtin, s.group!);
        if (s.answer!.status === 202) expect(recorded).toBe(s.group!.length);
        else expect([0, s.group!.length]).toContain(recorded);
      }
    } finally {
      await killHard(server);
    }
    await sealWaiting();
    const audit = await runLedgerAudit({ record: false });
    expect(audit.firstFailure).toBeNull();
  }, 180_000);
});
