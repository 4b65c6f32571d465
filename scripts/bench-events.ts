/**
 * Events benchmark, run by hand: `npx tsx scripts/bench-events.ts [--packs 100000] [--scans 10000] [--per-request 1000]`.
 *
 * On a throwaway embedded PostgreSQL (fsync on, as in production), it measures
 * against the two budgets, each next to its baseline on the same
 * machine and the same tables:
 *   1. commissioning N serials (commissionBatch: serials, one event, the
 *      packs) vs a raw COPY of N rows into `packs`: ratio >= 0.3;
 *   2. scan events through POST /api/v1/scans (the route handler, with an
 *      API key, custody rules on) in requests of 1,000 one-pack events,
 *      shipping then receiving, vs a raw COPY of as many complete rows into
 *      `events`: ratio >= 0.25.
 * It prints events/s (or rows/s) for each and the ratios.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { POST as scansPost } from '@/app/api/v1/scans/route';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { disconnectDb, getPool } from '@/lib/db';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';
import { createTestBatch, createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { generateSerials } from '@/lib/gs1';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(argv[argv.indexOf(`--${name}`) + 1] ?? NaN) || fallback;
const PACKS = arg('packs', 100_000);
const SCANS = arg('scans', 10_000);
const PER_REQUEST = arg('per-request', 1000);
const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en')}/s`;
const log = (line: string) => console.log(line);

/**
 * CPU time (ms) spent so far by this process and by the embedded cluster's
 * processes (/proc, Linux only): printed next to wall times because on a
 * shared machine CPU time moves far less than elapsed time.
 */
let clusterDir = '';
function cpuMs(): { node: number; postgres: number } {
  const usage = process.cpuUsage();
  let postgres = 0;
  try {
    const postmaster = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] as string;
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(' ').filter(Boolean);
    for (const pid of [postmaster, ...children]) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      postgres += (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
    }
  } catch {
    postgres = Number.NaN;
  }
  return { node: (usage.user + usage.system) / 1000, postgres };
}

function cpuSince(start: { node: number; postgres: number }): { node: number; postgres: number } {
  const now = cpuMs();
  return { node: now.node - start.node, postgres: now.postgres - start.postgres };
}

async function openDatabase(): Promise<{ stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-bench-events-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'bench' });
  clusterDir = path.join(dir, 'pg');
  await applyMigrations(embedded.ownerUrl);
  const owner = new pg.Client({ connectionString: embedded.ownerUrl });
  await owner.connect();
  await grantAppRole(owner, 'pharmatrace_app');
  await owner.end();
  process.env.DATABASE_URL = embedded.appUrl;
  process.env.DATA_DIR = dir;
  resetEnvCache();
  return { stop: async () => (await embedded.stop(), await rm(dir, { recursive: true, force: true })) };
}

/** COPY ... FROM STDIN through node-postgres' own protocol support (what pg-copy-streams does), for the baselines. */
class CopyFromText extends (pg.Query as unknown as new (config: object) => { handleCopyInResponse(connection: unknown): void }) {
  constructor(
    text: string,
    private readonly data: Buffer,
    callback: (error: Error | null) => void,
  ) {
    super({ text, callback });
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    for (let at = 0; at < this.data.length; at += 1 << 16) connection.sendCopyFromChunk(this.data.subarray(at, at + (1 << 16)));
    connection.endCopyFrom();
  }
}

async function copyRows(table: string, columns: string, lines: string[]): Promise<number> {
  const client = await getPool().connect();
  try {
    const data = Buffer.from(lines.join(''));
    const start = performance.now();
    await client.query('BEGIN');
    await new Promise<void>((resolve, reject) => {
      client.query(new CopyFromText(`COPY ${table} (${columns}) FROM STDIN`, data, (e) => (e ? reject(e) : resolve())) as never);
    });
    await client.query('COMMIT');
    return performance.now() - start;
  } finally {
    client.release();
  }
}

/** A raw COPY of PACKS rows into `packs` (a batch of its own), in ms. */
async function copyPacksMs(maker: TTestOrg): Promise<number> {
  const batch = await createTestBatch(maker);
  const now = new Date().toISOString();
  const lines = generateSerials(PACKS).map((s) => `${batch.gtin}\t${s}\t${batch.batchId}\tACTIVE\t${maker.id}\t${now}\t${now}\n`);
  return copyRows('packs', 'gtin, serial, batch_id, status, custodian_org_id, commissioned_at, updated_at', lines);
}

/** commissionBatch of PACKS serials between two raw COPYs of as many rows into packs (their mean is the baseline). */
async function benchCommissioning(maker: TTestOrg): Promise<number> {
  const before = await copyPacksMs(maker);
  const batch = await createTestBatch(maker);
  const start = performance.now();
  await commissionBatch(maker.actor, batch.batchId, { count: PACKS });
  const commissionMs = performance.now() - start;
  const copyMs = (before + (await copyPacksMs(maker))) / 2;
  log(`commissioning ${PACKS.toLocaleString('en')} serials: ${Math.round(commissionMs)} ms (${rate(PACKS, commissionMs)}); raw COPY into packs: ${Math.round(copyMs)} ms (${rate(PACKS, copyMs)})`);
  const ratio = copyMs / commissionMs;
  log(`  ratio ${ratio.toFixed(2)} (budget >= 0.30)`);
  return ratio;
}

/** COPY lines of complete event rows like those the service writes (the same records, fresh event IDs). */
async function eventRowLines(orgId: string, n: number, tag: string): Promise<string[]> {
  const { rows } = await getPool().query<{ public_record: string; private_record: unknown; salt: Buffer; leaf_hash: Buffer }>(
    `SELECT public_record, private_record, salt, leaf_hash FROM events WHERE biz_step = 'shipping' LIMIT 1`,
  );
  const sample = rows[0]!;
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const time = new Date().toISOString();
  const fixed = [escape(sample.public_record), escape(JSON.stringify(sample.private_record)), `\\\\x${sample.salt.toString('hex')}`, `\\\\x${sample.leaf_hash.toString('hex')}`, `{${orgId}}`].join('\t');
  return Array.from({ length: n }, (_, i) => [`copy-${tag}-${i}`, orgId, 'ObjectEvent', 'OBSERVE', 'shipping', 'in_transit', time, '+01:00', time, '414/4000000000000', '\\N', fixed].join('\t') + '\n');
}

const EVENT_COPY_COLUMNS = 'event_id, org_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, read_point, biz_location, public_record, private_record, salt, leaf_hash, party_ids';

async function postScans(org: TTestOrg, events: unknown[]): Promise<void> {
  const response = await scansPost(new Request('http://bench.local/api/v1/scans', {
    method: 'POST',
    headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  }));
  if (response.status !== 201) throw new Error(`scans answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
}

/**
 * Requests of PER_REQUEST one-pack events (all shipped, then all received),
 * each followed by a raw COPY of as many event rows in its own
 * transaction: alternating keeps both measurements under the same machine
 * load, which on a shared machine moves more than either number.
 */
async function benchScans(maker: TTestOrg, distributor: TTestOrg): Promise<number> {
  const batch = await createTestBatch(maker);
  const { serials } = await commissionBatch(maker.actor, batch.batchId, { count: SCANS });
  const code = (serial: string) => `https://id.gs1.org/01/${batch.gtin}/21/${serial}`;
  const chunks = Array.from({ length: Math.ceil(SCANS / PER_REQUEST) }, (_, r) => serials.slice(r * PER_REQUEST, (r + 1) * PER_REQUEST));
  const plan = [...chunks.map((c) => ({ org: maker, events: c.map((s) => ({ kind: 'ship', codes: [code(s)], to: distributor.gln })) })), ...chunks.map((c) => ({ org: distributor, events: c.map((s) => ({ kind: 'receive', codes: [code(s)] })) }))];
  let scanMs = 0;
  let copyMs = 0;
  let events = 0;
  const scanCpu = { node: 0, postgres: 0 };
  const copyCpu = { node: 0, postgres: 0 };
  const add = (sum: { node: number; postgres: number }, part: { node: number; postgres: number }) => ((sum.node += part.node), (sum.postgres += part.postgres));
  for (const [i, step] of plan.entries()) {
    let cpu = cpuMs();
    const start = performance.now();
    await postScans(step.org, step.events);
    scanMs += performance.now() - start;
    add(scanCpu, cpuSince(cpu));
    const lines = await eventRowLines(maker.id, step.events.length, String(i));
    cpu = cpuMs();
    copyMs += await copyRows('events', EVENT_COPY_COLUMNS, lines);
    add(copyCpu, cpuSince(cpu));
    events += step.events.length;
  }
  const per = (ms: number) => `${((ms * 1000) / events).toFixed(0)} µs`;
  log(`  CPU per event: scans node ${per(scanCpu.node)} + postgres ${per(scanCpu.postgres)}; COPY node ${per(copyCpu.node)} + postgres ${per(copyCpu.postgres)}`);
  log(`scan events through POST /api/v1/scans (${PER_REQUEST} per request, ship then receive): ${events.toLocaleString('en')} in ${Math.round(scanMs)} ms (${rate(events, scanMs)}); raw COPY of the same number of event rows, ${PER_REQUEST} per COPY: ${Math.round(copyMs)} ms (${rate(events, copyMs)})`);
  const ratio = copyMs / scanMs;
  log(`  ratio ${ratio.toFixed(2)} (budget >= 0.25)`);
  return ratio;
}

async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    const maker = await createTestParty('MANUFACTURER');
    const distributor = await createTestParty('DISTRIBUTOR');
    log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`);
    const commissioning = await benchCommissioning(maker);
    const scans = await benchScans(maker, distributor);
    process.exitCode = commissioning >= 0.3 && scans >= 0.25 ? 0 : 1;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
