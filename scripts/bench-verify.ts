/**
 * Verification and dispensing benchmark, run by hand under the e2e lock:
 *
 *   flock /tmp/pharmatrace-e2e.lock npx tsx scripts/bench-verify.ts [--packs 1000000] [--duration 20] [--port 3200] [--data-dir .data/bench-verify] [--populate-only]
 *
 * 1. An embedded PostgreSQL under --data-dir (kept between runs: populating
 *    is the slow part) holding a network of one manufacturer, one
 *    wholesaler and 32 pharmacies, --packs packs in batches of 10,000 and
 *    five events per pack (shipped, received, shipped on, received at a
 *    pharmacy, then dispensed or checked) plus one commissioning event per
 *    batch: 5,000,100 events for a million packs. Rows are written in SQL
 *    with the public records' shape, not through the scan service (which
 *    would take hours at this size).
 * 2. The production build (`next build` when stale) served by `next start`
 *    against it, background jobs off (a sealer working through five million
 *    unsealed events would compete for the two cores).
 * 3. autocannon, in this process, on the same machine:
 *    GET /api/v1/verify with 64 connections (random packs, each request
 *    from another client address, as from many phones), budget p99 < 50 ms;
 *    POST /api/v1/dispense with 32 connections, each request one pharmacy
 *    (its own API key) dispensing a pack it holds, budget p99 < 100 ms.
 * Prints latency percentiles, throughput and non-2xx answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { withCheckDigit } from '@/lib/gs1';
import { ensureProductionBuild } from './build-state';
import { populateBenchNetwork, BENCH_PHARMACIES, type TBenchNetwork } from './bench-verify-data';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? (argv[argv.indexOf(`--${name}`) + 1] ?? fallback) : fallback);
const PACKS = Number(option('packs', '1000000'));
const DURATION = Number(option('duration', '20'));
const PORT = Number(option('port', '3200'));
const DATA_DIR = path.resolve(option('data-dir', '.data/bench-verify'));
const POPULATE_ONLY = argv.includes('--populate-only');
const log = (line: string) => console.log(`[bench-verify] ${line}`);


async function serve(appUrl: string): Promise<ChildProcess> {
  const { DATABASE_OWNER_URL: _owner, ...env } = process.env;
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, NODE_ENV: 'production', DATABASE_URL: appUrl, DATA_DIR, BACKGROUND_JOBS: 'false', NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not answer /api/health within a minute');
}

type TResult = autocannon.Result;

function report(name: string, result: TResult, budgetMs: number): boolean {
  const { latency, requests, non2xx, errors, timeouts } = result;
  log(`${name}: ${Math.round(requests.average)} req/s; latency ms p50 ${latency.p50}, p90 ${latency.p90}, p99 ${latency.p99}, max ${latency.max}; non-2xx ${non2xx}, errors ${errors}, timeouts ${timeouts}`);
  const ok = latency.p99 < budgetMs && non2xx === 0 && errors === 0;
  log(`  ${ok ? 'within' : 'OUTSIDE'} budget (p99 < ${budgetMs} ms, no failures)`);
  return ok;
}

const randomIp = () => `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;

async function benchVerify(network: TBenchNetwork, connections = 64, duration = DURATION): Promise<TResult> {
  return autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = Math.floor(Math.random() * network.packs);
          request.path = `/api/v1/verify?code=${encodeURIComponent(network.packCode(i))}`;
          request.headers = { ...request.headers, 'x-forwarded-for': randomIp() };
          return request;
        },
      },
    ],
  });
}

const dispensedSoFar = new Array<number>(BENCH_PHARMACIES).fill(0);

async function benchDispense(network: TBenchNetwork, connections = BENCH_PHARMACIES, duration = DURATION): Promise<TResult> {
  const next = dispensedSoFar;
  let turn = 0;
  return autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/dispense',
        setupRequest: (request) => {
          const pharmacy = turn++ % BENCH_PHARMACIES;
          const pack = network.activePackOf(pharmacy, next[pharmacy]!++);
          request.headers = { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${network.apiKeys[pharmacy]}` };
          request.body = JSON.stringify({ code: network.packCode(pack) });
          return request;
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: 'bench' });
  let server: ChildProcess | null = null;
  try {
    await applyMigrations(embedded.ownerUrl);
    const owner = new pg.Client({ connectionString: embedded.ownerUrl });
    // A failure must surface as itself, not as the connection closing when the cluster stops.
    owner.on('error', () => undefined);
    await owner.connect();
    const network = await (async () => {
      try {
        await grantAppRole(owner, 'pharmatrace_app');
        return await populateBenchNetwork(owner, { packs: PACKS, log, gln: withCheckDigit });
      } finally {
        await owner.end();
      }
    })();
    if (POPULATE_ONLY) return;
    await ensureProductionBuild(log);
    server = await serve(embedded.appUrl);
    log(`warming up ...`);
    await autocannon({ url: `http://127.0.0.1:${PORT}/api/v1/verify?code=${encodeURIComponent(network.packCode(0))}`, connections: 4, amount: 200, headers: { 'x-forwarded-for': '10.0.0.1' } });
    // The floor on this machine: the cheapest route of the same server (a health check: one trivial query).
    const floor = await autocannon({ url: `http://127.0.0.1:${PORT}/api/health`, connections: 64, duration: Math.min(DURATION, 10) });
    log(`baseline GET /api/health, 64 connections: ${Math.round(floor.requests.average)} req/s; latency ms p50 ${floor.latency.p50}, p99 ${floor.latency.p99}`);
    // One client at a time: the service time itself, without queueing behind the other clients.
    const single = (name: string, r: TResult) => log(`${name}, 1 connection: ${Math.round(r.requests.average)} req/s; latency ms p50 ${r.latency.p50}, p99 ${r.latency.p99}`);
    single('GET /api/v1/verify', await benchVerify(network, 1, 5));
    single('POST /api/v1/dispense', await benchDispense(network, 1, 5));
    const verify = report('GET /api/v1/verify, 64 connections', await benchVerify(network), 50);
    const dispense = report('POST /api/v1/dispense, 32 pharmacies', await benchDispense(network), 100);
    process.exitCode = verify && dispense ? 0 : 1;
  } finally {
    server?.kill('SIGTERM');
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
