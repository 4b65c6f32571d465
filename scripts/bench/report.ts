import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TBrowserFigure } from './browser-verify';
import type { TLoadFigure, TQueryFigure } from './http-load';
import type { TCommissionFigure, TIngestFigure } from './ingest';
import type { TMachine } from './machine';
import type { TBenchPlan } from './plan';
import type { TProofFigure, TSealFigure } from './sealing';

/** Every figure of one run, as written to bench/results/<scale>.json. */
export type TBenchFigures = {
  plan: TBenchPlan;
  machine: TMachine;
  dataset: { packs: number; events: number; identifiers: number; loadSeconds: number; databaseMiB: number };
  /** Tables and indexes of the serving paths loaded into shared buffers before the HTTP load (docs/decisions/098). */
  prewarm: { mib: number; seconds: number };
  commission: Omit<TCommissionFigure, 'serials'>;
  ingest: { start: TIngestFigure[]; end: TIngestFigure[]; eventsBefore: { start: number; end: number } };
  seal: TSealFigure;
  proof: Omit<TProofFigure, 'text' | 'verifierKey'>;
  browser: TBrowserFigure;
  load: TLoadFigure[];
  queries: TQueryFigure[];
  memoryMiB: Record<string, number | null>;
  totalSeconds: number;
};

export type TTarget = { name: string; target: string; value: string; met: boolean };

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load = (f: TBenchFigures, name: string, connections: number) => f.load.find((l) => l.name === name && l.connections === connections);

/** The issue's targets, each judged on this run's figures. */
export function judgeTargets(f: TBenchFigures): TTarget[] {
  const targets: TTarget[] = [];
  const ratio = (name: string, value: number, min: number) => targets.push({ name, target: `≥ ${min.toFixed(2)}× COPY`, value: `${value.toFixed(2)}×`, met: value >= min });
  for (const [phase, list] of [['empty database', f.ingest.start], ['full database', f.ingest.end]] as const) {
    for (const door of list) ratio(`${door.door === 'scans' ? 'POST /api/v1/scans' : 'POST /epcis/capture'} ingest (${phase})`, door.ratio, 0.25);
  }
  ratio(`commissioning ${fmt(f.commission.count)} serials`, f.commission.ratio, 0.3);
  targets.push({ name: `sealing ${fmt(f.seal.events)} events`, target: '≤ 2.00× the hashes', value: `${f.seal.ratio.toFixed(2)}×`, met: f.seal.ratio <= 2 });
  const verify = load(f, 'GET /api/v1/verify', 64);
  if (verify) targets.push({ name: 'GET /api/v1/verify p99, 64 clients', target: '< 50 ms', value: `${verify.p99Ms} ms`, met: verify.p99Ms < 50 && verify.non2xx === 0 && verify.errors === 0 });
  const dispense = load(f, 'POST /api/v1/dispense', 32);
  if (dispense) targets.push({ name: 'POST /api/v1/dispense p99, 32 pharmacies', target: '< 100 ms', value: `${dispense.p99Ms} ms`, met: dispense.p99Ms < 100 && dispense.non2xx === 0 && dispense.errors === 0 });
  const worst = Math.max(...f.queries.map((q) => q.p99Ms));
  targets.push({ name: `EPCIS MATCH_epc p99 (${fmt(f.dataset.events)} events)`, target: '< 50 ms', value: `${worst} ms`, met: worst < 50 });
  targets.push({ name: `proof bundle, event of a ${fmt(f.proof.periodSize)}-event period`, target: '< 4,096 bytes', value: `${fmt(f.proof.bytes)} bytes`, met: f.proof.bytes < 4096 });
  targets.push({ name: 'verifyBundle in Chromium (p95)', target: '< 5 ms', value: `${f.browser.p95Ms} ms`, met: f.browser.p95Ms < 5 && f.browser.ok });
  return targets;
}

export function renderMarkdown(f: TBenchFigures, targets: TTarget[]): string {
  const m = f.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark report: scale ${f.plan.scale}`, '');
  lines.push(`Produced by \`npm run bench -- --scale ${f.plan.scale === 'x1' ? 'default' : f.plan.scale}\` on ${m.startedAt.slice(0, 16).replace('T', ' ')} UTC, in ${fmt(f.totalSeconds / 60, 1)} minutes. How to read it: docs/benchmarks.md.`, '');
  lines.push('## Machine', '');
  lines.push(`- CPU: ${m.cpuModel}, ${m.cores} cores; RAM ${m.memoryGiB} GiB; ${m.os}`);
  lines.push(`- Node.js ${m.node}; PostgreSQL ${m.postgres} (embedded, fsync and synchronous_commit on)`);
  lines.push(`- Load average (1/5/15 min) at start ${m.loadAtStart.join(' / ')}, at end ${(m.loadAtEnd ?? []).join(' / ')}`);
  lines.push(`- Server, PostgreSQL and the load generator share these cores.`, '');
  lines.push('## Targets', '', '| measurement | target | this run | |', '|---|---|---|---|');
  for (const t of targets) lines.push(`| ${t.name} | ${t.target} | ${t.value} | ${t.met ? 'met' : '**not met**'} |`);
  lines.push('', '## Dataset', '');
  lines.push(`${fmt(f.dataset.packs)} packs, ${fmt(f.dataset.events)} events, ${fmt(f.dataset.identifiers)} identifier rows in the database when the load tests ran (${fmt(f.dataset.databaseMiB)} MiB on disk); the bulk dataset loaded in ${fmt(f.dataset.loadSeconds)} s.`, '');
  lines.push(`Before the HTTP load, ${fmt(f.prewarm.mib)} MiB of the tables and indexes that a lookup and a dispense read were loaded into shared buffers (pg_prewarm, ${f.prewarm.seconds} s): the state of an app that has served for a while, or of one restarted with autoprewarm (docs/decisions/098).`, '');
  lines.push('## Ingest against COPY of the same rows (events + identifiers)', '');
  lines.push("Each door first took one unmeasured request of 100 events: the server loads a route's code on its first request.", '');
  lines.push('| door | database | events | requests | events/s | COPY events+ids/s | ratio | COPY events only/s |', '|---|---|---|---|---|---|---|---|');
  for (const [phase, list, before] of [['empty', f.ingest.start, f.ingest.eventsBefore.start], ['full', f.ingest.end, f.ingest.eventsBefore.end]] as const) {
    for (const d of list) lines.push(`| ${d.door} | ${phase} (${fmt(before)} events) | ${fmt(d.events)} | ${d.requests} | ${fmt(d.perSecond)} | ${fmt(d.copyPerSecond)} | ${d.ratio.toFixed(2)} | ${fmt(d.copyEventsOnlyPerSecond)} |`);
  }
  const growth = f.ingest.start.map((s) => ({ door: s.door, ratio: (f.ingest.end.find((e) => e.door === s.door)?.perSecond ?? 0) / s.perSecond }));
  lines.push('', `Cost growth: ingest rate on the full database relative to the empty one: ${growth.map((g) => `${g.door} ${g.ratio.toFixed(2)}×`).join(', ')}.`, '');
  const c = f.commission;
  lines.push('## Commissioning', '', `${fmt(c.count)} serials through POST /api/v1/batches/{id}/commission in ${fmt(c.ms)} ms (${fmt(c.perSecond)}/s); raw COPY of as many pack rows ${fmt(c.copyMs)} ms (${fmt(c.copyPerSecond)}/s): ratio ${c.ratio.toFixed(2)}.`, '');
  const s = f.seal;
  lines.push('## Sealing', '', `One period of ${fmt(s.events)} events in ${fmt(s.ms)} ms; ${fmt(2 * s.events)} node:crypto SHA-256 hashes of 65 bytes ${fmt(s.baselineMs)} ms: ratio ${s.ratio.toFixed(2)}. Stages (ms): ${Object.entries(s.stages).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}.`, '');
  const p = f.proof;
  lines.push('## Proof bundle and verification in the browser', '');
  lines.push(`Bundle of an event of the ${fmt(p.periodSize)}-event period: ${fmt(p.bytes)} bytes (period path ${p.periodPath} hashes; anchor log of ${p.anchorLogSize} periods, path ${p.anchorLogPath} hashes; each further doubling of the anchor log adds one hash, about 67 bytes). Served by GET /api/v1/proofs in p50 ${p.latencyMs.p50} ms, p99 ${p.latencyMs.p99} ms.`);
  lines.push(`verifyBundle in ${f.browser.browser} (headless): p50 ${f.browser.p50Ms} ms, p95 ${f.browser.p95Ms} ms, max ${f.browser.maxMs} ms over ${f.browser.runs} runs; every verdict ok: ${f.browser.ok ? 'yes' : 'NO'}.`, '');
  lines.push('## HTTP under load (autocannon, closed loop)', '', '| route | clients | s | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const l of f.load) lines.push(`| ${l.name} | ${l.connections} | ${l.seconds} | ${fmt(l.requestsPerSecond)} | ${l.p50Ms} | ${l.p90Ms} | ${l.p99Ms} | ${l.maxMs} | ${l.non2xx} | ${l.errors + l.timeouts} |`);
  const health = load(f, 'GET /api/health', 64);
  const verify = load(f, 'GET /api/v1/verify', 64);
  if (health && verify) lines.push('', `Verify throughput relative to /api/health in the same server: ${(verify.requestsPerSecond / health.requestsPerSecond).toFixed(2)}.`);
  lines.push('', '## EPCIS queries', '', '| reader | queries | events per answer | p50 ms | p95 ms | p99 ms |', '|---|---|---|---|---|---|');
  for (const q of f.queries) lines.push(`| ${q.reader} | ${fmt(q.queries)} | ${q.eventsPerAnswer} | ${q.p50Ms} | ${q.p95Ms} | ${q.p99Ms} |`);
  lines.push('', '## Peak resident memory of the server process, by phase', '', '| phase | MiB |', '|---|---|');
  for (const [phase, mib] of Object.entries(f.memoryMiB)) lines.push(`| ${phase} | ${mib ?? 'n/a'} |`);
  return `${lines.join('\n')}\n`;
}

/** Writes <out>/<scale>.md and <out>/<scale>.json; returns their paths. */
export async function writeReport(out: string, f: TBenchFigures, targets: TTarget[]): Promise<string[]> {
  await mkdir(out, { recursive: true });
  const base = path.join(out, f.plan.scale);
  await writeFile(`${base}.json`, `${JSON.stringify({ ...f, targets }, null, 2)}\n`);
  await writeFile(`${base}.md`, renderMarkdown(f, targets));
  return [`${base}.md`, `${base}.json`];
}

/** The targets as a table for the terminal. */
export function targetTable(targets: TTarget[]): string {
  const width = Math.max(...targets.map((t) => t.name.length));
  return targets.map((t) => `${t.name.padEnd(width)}  ${t.target.padEnd(20)}  ${t.value.padEnd(14)}  ${t.met ? 'met' : 'NOT MET'}`).join('\n');
}
