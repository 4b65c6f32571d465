/**
 * EPCIS benchmark, run by hand: `npx tsx scripts/bench-epcis.ts [--events 10000] [--per-document 1000] [--ledger 1000000] [--queries 2000]`.
 *
 * On a throwaway embedded PostgreSQL (fsync on, as in production) it
 * measures the two budgets of the EPCIS issue:
 *   1. capture through POST /epcis/capture (the route handler, API key,
 *      validation and custody rules on) of documents of PER_DOCUMENT
 *      one-pack ObjectEvents (all shipped, then all received), each
 *      followed by a raw COPY of the very rows that capture wrote (the
 *      events, and the events with their event_epcs rows) under fresh
 *      IDs: ratio >= 0.25;
 *   2. GET /epcis/events?MATCH_epc=<pack> (route handler, API key) on a
 *      ledger of LEDGER events (loaded in bulk by SQL, five per pack, real
 *      EPCIS documents as private records): p99 < 50 ms, for a party and
 *      for the regulator.
 * It also prints the CPU split of a capture (parse vs the rest).
 */
import { hash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { POST as capturePost } from '@/app/epcis/capture/route';
import { GET as eventsGet } from '@/app/epcis/events/route';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { disconnectDb, getPool } from '@/lib/db';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { grantAppRole } from '@/lib/db/roles';
import { resetEnvCache } from '@/lib/env';
import { parseEpcisDocument } from '@/lib/epcis';
import { epcisDocument, packLink, receivingEvent, sgtin, shippingEvent } from '@/lib/epcis/testing/epcis-documents';
import { createTestBatch, createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { copyEventRows, loadSyntheticLedger } from './bench-epcis-rows';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(argv[argv.indexOf(`--${name}`) + 1] ?? NaN) || fallback;
const EVENTS = arg('events', 10_000);
const PER_DOCUMENT = arg('per-document', 1000);
const LEDGER = arg('ledger', 1_000_000);
const QUERIES = arg('queries', 2000);
const log = (line: string) => console.log(line);
const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en')}/s`;

async function openDatabase(): Promise<{ ownerUrl: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-bench-epcis-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'bench' });
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

async function capture(org: TTestOrg, body: string): Promise<string> {
  const request = new Request('http://bench.local/epcis/capture', { method: 'POST', headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/ld+json' }, body });
  const response = await capturePost(request);
  if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return ((await response.json()) as { captureID: string }).captureID;
}

/** Capture documents of PER_DOCUMENT events, each followed by a raw COPY of the rows it wrote; returns the ratio COPY time / capture time. */
async function benchCapture(maker: TTestOrg, distributor: TTestOrg): Promise<number> {
  const batch = await createTestBatch(maker);
  const { serials } = await commissionBatch(maker.actor, batch.batchId, { count: EVENTS });
  const time = (i: number) => new Date(Date.now() - 3_600_000 + i).toISOString();
  const documents: { org: TTestOrg; body: string }[] = [];
  for (let at = 0; at < EVENTS; at += PER_DOCUMENT) {
    const chunk = serials.slice(at, at + PER_DOCUMENT);
    documents.push({ org: maker, body: JSON.stringify(epcisDocument(chunk.map((s, i) => shippingEvent({ epcs: [sgtin(batch.gtin, s)], from: maker.gln, to: distributor.gln, eventTime: time(at + i) })))) });
  }
  for (let at = 0; at < EVENTS; at += PER_DOCUMENT) {
    const chunk = serials.slice(at, at + PER_DOCUMENT);
    documents.push({ org: distributor, body: JSON.stringify(epcisDocument(chunk.map((s, i) => receivingEvent({ epcs: [packLink(batch.gtin, s)], from: maker.gln, to: distributor.gln, eventTime: time(EVENTS + at + i) })))) });
  }
  let captureMs = 0;
  let parseMs = 0;
  const copy = { eventsMs: 0, allMs: 0 };
  for (const [i, document] of documents.entries()) {
    const parseStart = performance.now();
    parseEpcisDocument(JSON.parse(document.body), { sha256Hex: (text) => hash('sha256', text, 'hex') });
    parseMs += performance.now() - parseStart;
    const start = performance.now();
    const captureId = await capture(document.org, document.body);
    captureMs += performance.now() - start;
    const copied = await copyEventRows(captureId, `b${i}`);
    copy.eventsMs += copied.eventsMs;
    copy.allMs += copied.allMs;
  }
  const events = documents.length * PER_DOCUMENT;
  const per = (ms: number) => `${((ms * 1000) / events).toFixed(0)} µs/event`;
  log(`capture through POST /epcis/capture, ${PER_DOCUMENT} one-pack ObjectEvents per document (ship, then receive): ${events.toLocaleString('en')} events in ${Math.round(captureMs)} ms (${rate(events, captureMs)}, ${per(captureMs)}; of which parsing ~${per(parseMs)})`);
  log(`raw COPY of the same rows: events only ${Math.round(copy.eventsMs)} ms (${rate(events, copy.eventsMs)}); events and event_epcs ${Math.round(copy.allMs)} ms (${rate(events, copy.allMs)})`);
  const ratio = copy.allMs / captureMs;
  log(`  ratio ${ratio.toFixed(2)} against events + event_epcs, ${(copy.eventsMs / captureMs).toFixed(2)} against events alone (budget >= 0.25)`);
  return ratio;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** MATCH_epc queries through the route on a ledger of LEDGER events: latency percentiles for a party and for the regulator. */
async function benchQuery(ownerUrl: string, parties: { maker: TTestOrg; distributor: TTestOrg; regulator: TTestOrg }): Promise<number> {
  const start = performance.now();
  const { packs, gtin } = await loadSyntheticLedger(ownerUrl, LEDGER, [parties.maker.id, parties.distributor.id]);
  log(`loaded ${LEDGER.toLocaleString('en')} events (${packs.toLocaleString('en')} packs, 5 events each) in ${Math.round((performance.now() - start) / 1000)} s`);
  let worst = 0;
  for (const [who, org] of [['distributor', parties.distributor], ['regulator', parties.regulator]] as const) {
    const times: number[] = [];
    let found = 0;
    for (let q = 0; q < QUERIES; q++) {
      const serial = `Q${String(Math.floor(Math.random() * packs)).padStart(7, '0')}`;
      const url = `http://bench.local/epcis/events?MATCH_epc=${encodeURIComponent(sgtin(gtin, serial))}`;
      const t0 = performance.now();
      const response = await eventsGet(new Request(url, { headers: { authorization: `Bearer ${org.apiKey}` } }));
      const body = (await response.json()) as { epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } };
      times.push(performance.now() - t0);
      found += body.epcisBody.queryResults.resultsBody.eventList.length;
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    worst = Math.max(worst, p99);
    log(`GET /epcis/events?MATCH_epc=<pack> as the ${who}: ${QUERIES} queries, ${(found / QUERIES).toFixed(1)} events each; p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (budget < 50 ms)`);
  }
  return worst;
}

async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    const [maker, distributor, regulator] = await Promise.all((['MANUFACTURER', 'DISTRIBUTOR', 'REGULATOR'] as const).map((role) => createTestParty(role)));
    log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`);
    const ratio = await benchCapture(maker!, distributor!);
    await getPool().query('SELECT 1');
    const p99 = await benchQuery(database.ownerUrl, { maker: maker!, distributor: distributor!, regulator: regulator! });
    process.exitCode = ratio >= 0.25 && p99 < 50 ? 0 : 1;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
