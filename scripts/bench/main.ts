/**
 * `npm run bench [-- --scale small|default|large|<factor>] [--out bench/results] [--port N]`
 *
 * One run measures every figure of docs/benchmarks.md, each against a
 * baseline taken in the same run on the same machine, so that the ratios
 * survive a noisy machine:
 *   1. a throwaway embedded PostgreSQL (temporary DATA_DIR, fsync on) and
 *      the production build served by `next start` (built first if stale);
 *   2. commissioning through the API vs COPY of as many pack rows;
 *      scans and EPCIS capture (requests of 1,000 events, after one
 *      unmeasured request to each) vs COPY of the same rows, on the empty
 *      database;
 *   3. the bulk dataset in SQL (default: 1,000,000 packs, 5,000,100 events);
 *   4. scans and capture again on the full database (cost growth);
 *   5. sealing one large period vs 2 x as many SHA-256 hashes; its proof
 *      bundle's size; verifyBundle in headless Chromium;
 *   6. the serving tables and indexes loaded into shared buffers (pg_prewarm);
 *      autocannon: /api/health (the floor), verify (64 clients), dispense
 *      (32 pharmacies); EPCIS MATCH_epc latency;
 *   7. peak RSS of the server per phase; the report and JSON in --out.
 * Exit code 0 whether or not targets are met (CI runs the small scale as a
 * smoke test); 1 when the run itself fails.
 */
import { resetEnvCache } from '@/lib/env';
import { toSgtinUrn } from '@/lib/gs1';
import { asOwner, openBenchDatabase, prewarmServingRelations, type TBenchDatabase } from './bench-database';
import { ensureProductionBuild, startBenchServer, type TBenchServer } from './bench-server';
import { timeVerifyInChromium } from './browser-verify';
import { loadDataset } from './dataset';
import { loadDispense, loadHealth, loadVerify, matchEpcQueries, shelves, type TLoadFigure } from './http-load';
import { commissionAgainstCopy, ingestCapture, ingestScans } from './ingest';
import { describeMachine, round2 } from './machine';
import { createBenchParties, createBenchProduct } from './parties';
import { benchPlan, readBenchArgs } from './plan';
import { judgeTargets, targetTable, writeReport, type TBenchFigures } from './report';
import { RssSampler } from './rss-sampler';
import { proofBundleOf, sealAgainstHashes, sealSmallPeriods } from './sealing';
import os from 'node:os';

const started = Date.now();
const log = (line: string) => console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`);

async function counts(db: TBenchDatabase): Promise<{ events: number; identifiers: number; packs: number; mib: number }> {
  return asOwner(db.ownerUrl, async (c) => {
    const { rows } = await c.query<{ events: string; identifiers: string; packs: string; bytes: string }>(
      `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_epcs) AS identifiers, (SELECT count(*) FROM packs) AS packs, pg_database_size(current_database()) AS bytes`,
    );
    const r = rows[0]!;
    return { events: Number(r.events), identifiers: Number(r.identifiers), packs: Number(r.packs), mib: Math.round(Number(r.bytes) / 2 ** 20) };
  });
}

async function run(db: TBenchDatabase, server: TBenchServer, args: ReturnType<typeof readBenchArgs>): Promise<void> {
  const plan = benchPlan(args.scale);
  const machine = describeMachine(db.version);
  const rss = new RssSampler(server.pid);
  const parties = await createBenchParties();
  const { maker, distributor, regulator, pharmacies } = parties;
  const prefixLength = (maker.prefix as string).length;

  rss.enter('commissioning');
  const ingestProduct = await createBenchProduct(maker, '1', ['C0', 'C1', 'C2']);
  log(`commissioning ${plan.commission.toLocaleString('en')} serials vs COPY ...`);
  const { serials, ...commission } = await commissionAgainstCopy(server.url, maker, ingestProduct.gtin, ingestProduct.batchIds as [string, string, string], plan.commission);
  log(`  ${commission.perSecond.toLocaleString('en')}/s vs COPY ${commission.copyPerSecond.toLocaleString('en')}/s: ${commission.ratio.toFixed(2)}`);
  const half = plan.ingestEvents / 2;
  const packsFor = (slot: number) => serials.slice(slot * half, (slot + 1) * half);

  const ingestBoth = async (first: number) => {
    const scans = await ingestScans(server.url, parties, ingestProduct.gtin, packsFor(first), plan.perRequest);
    log(`  scans ${scans.perSecond.toLocaleString('en')} events/s vs COPY ${scans.copyPerSecond.toLocaleString('en')}/s: ${scans.ratio.toFixed(2)}`);
    const capture = await ingestCapture(server.url, parties, ingestProduct.gtin, prefixLength, packsFor(first + 1), plan.perRequest);
    log(`  capture ${capture.perSecond.toLocaleString('en')} events/s vs COPY ${capture.copyPerSecond.toLocaleString('en')}/s: ${capture.ratio.toFixed(2)}`);
    return [scans, capture];
  };
  // One unmeasured request of 100 events to each door first, from packs no
  // measured request uses (the fifth slot): the server loads a route's code
  // and compiles its validators on the first request, once, which is not
  // what ingest costs while it runs.
  await ingestScans(server.url, parties, ingestProduct.gtin, packsFor(4).slice(0, 100), 100);
  await ingestCapture(server.url, parties, ingestProduct.gtin, prefixLength, packsFor(4).slice(100, 200), 100);

  rss.enter('ingest, empty database');
  const eventsBeforeStart = (await counts(db)).events;
  log(`ingest on the empty database (${eventsBeforeStart.toLocaleString('en')} events) ...`);
  const start = await ingestBoth(0);

  rss.enter('bulk dataset load (server idle)');
  log(`loading the dataset: ${plan.packs.toLocaleString('en')} packs, ${(plan.packs * 5).toLocaleString('en')} events ...`);
  const datasetProduct = await createBenchProduct(maker, '2', []);
  const loadStart = Date.now();
  const data = await asOwner(db.ownerUrl, (c) => loadDataset(c, datasetProduct.gtin, plan.packs, { maker, distributor, pharmacies }, log));
  const loadSeconds = Math.round((Date.now() - loadStart) / 1000);
  const datasetFirstId = data.eventIdOf(0, 0) - BigInt(Math.ceil(plan.packs / 10_000));

  rss.enter('ingest, full database');
  const eventsBeforeEnd = (await counts(db)).events;
  log(`ingest on the full database (${eventsBeforeEnd.toLocaleString('en')} events) ...`);
  const end = await ingestBoth(2);

  rss.enter('sealing');
  const anchors = await sealSmallPeriods(datasetFirstId, 1000);
  log(`sealed the ingest phase's events in ${anchors} periods; sealing ${plan.seal.toLocaleString('en')} events as one period ...`);
  const seal = await sealAgainstHashes(plan.seal);
  log(`  ${seal.ms.toLocaleString('en')} ms vs ${seal.baselineMs.toLocaleString('en')} ms of hashes: ${seal.ratio.toFixed(2)}`);
  const provenPack = Math.min(data.packs - 1, Math.floor((seal.events - 1 - (Number(data.eventIdOf(0, 0) - datasetFirstId))) / 2));
  const { text, verifierKey, ...proof } = await proofBundleOf(server.url, data.eventIdOf(provenPack, 0), data.packKey(provenPack), 50);
  log(`  proof bundle ${proof.bytes.toLocaleString('en')} bytes; verifyBundle in Chromium ...`);
  rss.enter('verifyBundle in Chromium');
  const browser = await timeVerifyInChromium(text, verifierKey, plan.browserRuns);
  log(`  p50 ${browser.p50Ms} ms, p95 ${browser.p95Ms} ms (${browser.browser})`);

  const loads: TLoadFigure[] = [];
  const shelf = shelves(data, pharmacies.length);
  const measure = async (phase: string, work: () => Promise<TLoadFigure>) => {
    rss.enter(phase);
    const figure = await work();
    loads.push(figure);
    log(`  ${figure.name}, ${figure.connections} clients: ${figure.requestsPerSecond.toLocaleString('en')} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}`);
  };
  // Steady state, as a server that has been up a while is: each route runs at the measured concurrency
  // for a few seconds first (compiled code, prepared statements on every pooled connection), unmeasured.
  const warm = async (work: () => Promise<TLoadFigure>) => {
    rss.enter('warm-up');
    const figure = await work();
    log(`  (warm-up ${figure.name}, ${figure.connections} clients: ${figure.requestsPerSecond.toLocaleString('en')} req/s, p99 ${figure.p99Ms} ms)`);
  };
  rss.enter('prewarm');
  const prewarm = await prewarmServingRelations(db.ownerUrl);
  log(`loaded ${prewarm.mib.toLocaleString('en')} MiB of serving tables and indexes into shared buffers in ${prewarm.seconds} s (pg_prewarm)`);
  log('HTTP load ...');
  await warm(() => loadHealth(server.url, 64, plan.warmSeconds));
  await measure('load: GET /api/health x64', () => loadHealth(server.url, 64, Math.min(plan.loadSeconds, 10)));
  await warm(() => loadVerify(server.url, data, 64, plan.warmSeconds));
  await measure('load: GET /api/v1/verify x1', () => loadVerify(server.url, data, 1, 5));
  await measure('load: GET /api/v1/verify x64', () => loadVerify(server.url, data, 64, plan.loadSeconds));
  await warm(() => loadDispense(server.url, data, pharmacies, shelf, 32, plan.warmSeconds));
  await measure('load: POST /api/v1/dispense x1', () => loadDispense(server.url, data, pharmacies, shelf, 1, 5));
  await measure('load: POST /api/v1/dispense x32', () => loadDispense(server.url, data, pharmacies, shelf, 32, plan.loadSeconds));

  rss.enter('EPCIS MATCH_epc queries');
  const sgtin = (i: number) => toSgtinUrn(data.gtin, data.packKey(i).split('/21/')[1]!, prefixLength);
  const queries = [];
  for (const reader of [{ name: 'regulator', party: regulator }, { name: 'wholesaler (a party)', party: distributor }]) {
    const q = await matchEpcQueries(server.url, data, reader, plan.queries, sgtin);
    log(`  MATCH_epc as ${q.reader}: p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms`);
    queries.push(q);
  }
  rss.stop();
  const after = await counts(db);
  machine.loadAtEnd = os.loadavg().map(round2);
  const figures: TBenchFigures = {
    plan, machine,
    dataset: { packs: after.packs, events: eventsBeforeEnd, identifiers: after.identifiers, loadSeconds, databaseMiB: after.mib },
    prewarm,
    commission, ingest: { start, end, eventsBefore: { start: eventsBeforeStart, end: eventsBeforeEnd } },
    seal, proof, browser, load: loads, queries, memoryMiB: rss.result(),
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  const targets = judgeTargets(figures);
  const files = await writeReport(args.out, figures, targets);
  console.log(`\n${targetTable(targets)}\n`);
  log(`report: ${files.join(', ')}`);
}

async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  const plan = benchPlan(args.scale);
  log(`scale ${plan.scale}: ${plan.packs.toLocaleString('en')} packs; load average ${os.loadavg().map(round2).join(' / ')}`);
  await ensureProductionBuild(log);
  const db = await openBenchDatabase();
  let server: TBenchServer | null = null;
  try {
    server = await startBenchServer({ appUrl: db.appUrl, dataDir: db.dataDir, port: args.port });
    log(`server ${server.url} (pid ${server.pid}), PostgreSQL ${db.version} in ${db.dataDir}`);
    // This process seals too: it signs checkpoints under the server's origin, as the server would.
    process.env.PUBLIC_URL = server.url;
    resetEnvCache();
    await run(db, server, args);
  } finally {
    await server?.stop();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
