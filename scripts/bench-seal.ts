/**
 * Sealing benchmark, run by hand: `npx tsx scripts/bench-seal.ts [--events 1000000] [--audit]`.
 *
 * On a throwaway embedded PostgreSQL (or the database of DATABASE_URL, which
 * it fills with synthetic events: never point it at real data), it
 * bulk-loads N events that keep the events contract, then measures in one
 * run:
 *   - the budget's baseline: 2 x N one-shot node:crypto SHA-256 hashes of
 *     65 bytes (the hashes a period tree of N events needs);
 *   - sealing those N events as ONE period (sealPeriod, stage by stage);
 *   - for comparison, recomputing the N leaf hashes from public_record (what
 *     the audit does; sealing reads the stored ones);
 *   - proof bundles for events at the start, a chunk edge and the end;
 *   - with --audit, the whole audit.
 * The budget (docs/decisions/035): sealing <= 2 x the baseline.
 */
import { hash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { disconnectDb, getPool } from '@/lib/db';
import { startEmbeddedPostgres, type TEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';
import { runLedgerAudit } from '@/lib/ledger/audit/run-ledger-audit';
import { fastLeafHash } from '@/lib/ledger/merkle';
import { buildProofBundle } from '@/lib/ledger/proofs/build-proof-bundle';
import { sealPeriod, type TSealStage } from '@/lib/ledger/seal/seal-period';
import { bulkInsertEvents } from '@/lib/ledger/testing/bulk-insert-events';
import { ledgerTestOrgId } from '@/lib/ledger/testing/insert-test-events';

const argv = process.argv.slice(2);
const EVENTS = Number(argv[argv.indexOf('--events') + 1] ?? NaN) || 1_000_000;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const log = (line: string) => console.log(line);

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

/** A database for the run: DATABASE_URL, or a fresh embedded cluster (fsync on, as in production) in a temporary folder. */
async function openDatabase(): Promise<{ ownerUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { ownerUrl: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL, stop: async () => undefined };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-bench-'));
  const embedded: TEmbeddedPostgres = await startEmbeddedPostgres({ dataDir: dir, database: 'bench' });
  await applyMigrations(embedded.ownerUrl);
  const owner = new pg.Client({ connectionString: embedded.ownerUrl });
  await owner.connect();
  await grantAppRole(owner, 'pharmatrace_app');
  await owner.end();
  process.env.DATABASE_URL = embedded.appUrl;
  process.env.DATA_DIR = dir;
  resetEnvCache();
  return { ownerUrl: embedded.ownerUrl, stop: async () => (await embedded.stop(), await rm(dir, { recursive: true, force: true })) };
}

function baselineMs(events: number): number {
  const node = new Uint8Array(65);
  const start = performance.now();
  for (let i = 0; i < 2 * events; i++) hash('sha256', node, 'buffer');
  return performance.now() - start;
}

async function recomputeLeavesMs(): Promise<{ readAndHash: number; hashOnly: number }> {
  const records: string[] = [];
  const [, readMs] = await timed(async () => {
    for (let after = '0'; ; ) {
      const { rows } = await getPool().query<{ id: string; public_record: string }>(
        'SELECT id::text AS id, public_record FROM events WHERE id > $1 ORDER BY events.id LIMIT 50000',
        [after],
      );
      for (const row of rows) records.push(row.public_record);
      if (rows.length < 50_000) break;
      after = rows.at(-1)!.id;
    }
  });
  const [, hashOnly] = await timed(() => records.forEach((record) => fastLeafHash(Buffer.from(record, 'utf8'))));
  return { readAndHash: readMs + hashOnly, hashOnly };
}

async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    log(`Loading ${EVENTS.toLocaleString('en')} synthetic events ...`);
    const orgId = await ledgerTestOrgId();
    const [, loadMs] = await timed(() => bulkInsertEvents(orgId, EVENTS));
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    await owner.query('VACUUM (ANALYZE) events');
    await owner.end();
    log(`  loaded in ${ms(loadMs)} (then VACUUM ANALYZE, as autovacuum would have done)`);

    const baseline = baselineMs(EVENTS);
    log(`Baseline: ${(2 * EVENTS).toLocaleString('en')} SHA-256 (node:crypto, 65 bytes each): ${ms(baseline)}`);

    const stages: [string, number][] = [];
    let last = performance.now();
    const onStage = (stage: TSealStage) => {
      stages.push([stage, performance.now() - last]);
      last = performance.now();
    };
    last = performance.now();
    const [sealed, sealMs] = await timed(() => sealPeriod({ maxEvents: EVENTS, onStage }));
    if (sealed.status !== 'sealed') throw new Error(`nothing sealed: ${sealed.status}`);
    stages.push(['commit', performance.now() - last]);
    log(`Sealing one period of ${sealed.anchor.treeSize.toLocaleString('en')} events: ${ms(sealMs)} = ${(sealMs / baseline).toFixed(2)} x baseline (budget 2.00)`);
    for (const [stage, duration] of stages) log(`  ${stage.padEnd(18)} ${ms(duration)}`);

    const recompute = await recomputeLeavesMs();
    log(`For comparison, recomputing the ${EVENTS.toLocaleString('en')} leaf hashes from public_record: ${ms(recompute.readAndHash)} (hashing alone ${ms(recompute.hashOnly)})`);

    const { rows } = await getPool().query<{ event_id: string }>(
      'SELECT event_id FROM events WHERE id IN ($1, $2, $3) ORDER BY id',
      [sealed.anchor.firstEventId.toString(), (sealed.anchor.firstEventId + 1024n).toString(), sealed.anchor.lastEventId.toString()],
    );
    for (const row of rows) {
      await buildProofBundle(row.event_id);
      const [, proofMs] = await timed(() => buildProofBundle(row.event_id));
      log(`Proof bundle for ${row.event_id.slice(14, 26)}…: ${proofMs.toFixed(1)} ms`);
    }
    if (argv.includes('--audit')) {
      const [audit, auditMs] = await timed(() => runLedgerAudit());
      log(`Audit: ${audit.ok ? 'ok' : `FAILED: ${audit.firstFailure}`} in ${ms(auditMs)}`);
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
