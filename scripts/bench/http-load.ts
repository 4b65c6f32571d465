import autocannon from 'autocannon';
import type { TDataset } from './dataset';
import type { TBenchParty } from './parties';
import { percentile } from './sealing';

/**
 * Closed-loop load with autocannon (programmatic API) from this process,
 * on the same machine as the server and PostgreSQL: `connections` clients,
 * each sending its next request when the previous answer arrived.
 */
export type TLoadFigure = { name: string; connections: number; seconds: number; requestsPerSecond: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; non2xx: number; errors: number; timeouts: number };

function figure(name: string, connections: number, seconds: number, r: autocannon.Result): TLoadFigure {
  return {
    name, connections, seconds,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50, p90Ms: r.latency.p90, p99Ms: r.latency.p99, maxMs: r.latency.max,
    non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
  };
}

/**
 * A documentation-range address per request (RFC 3849's 2001:db8::/32, in
 * X-Forwarded-For as the reverse proxy in front would append it; no
 * traffic goes there): the public verify route rate-limits per client
 * address, and the target is many phones at once, not one client at 64
 * times the allowed rate. 8,192 addresses in turn: at 5,000 lookups/s for
 * the warm-up and both measured runs, each stays inside its bucket (120 at
 * once, 4/s after), so no answer is a 429.
 */
const CLIENT_ADDRESSES = 8192;
let clientCounter = 0;
const clientAddress = () => `2001:db8::${((clientCounter++ % CLIENT_ADDRESSES) + 1).toString(16)}`;

export async function loadHealth(base: string, connections: number, seconds: number): Promise<TLoadFigure> {
  return figure('GET /api/health', connections, seconds, await autocannon({ url: `${base}/api/health`, connections, duration: seconds }));
}

export async function loadVerify(base: string, data: TDataset, connections: number, seconds: number): Promise<TLoadFigure> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = Math.floor(Math.random() * data.packs);
          return { ...request, path: `/api/v1/verify?code=${encodeURIComponent(data.packCode(i))}`, headers: { ...request.headers, 'x-forwarded-for': clientAddress() } };
        },
      },
    ],
  });
  return figure('GET /api/v1/verify', connections, seconds, result);
}

/**
 * Each request is one pharmacy (its own API key) dispensing the next pack
 * on its shelf (active, in its custody): the counter's real work, verify
 * and decommission in one transaction. `next` remembers, per pharmacy,
 * how far its shelf has been used across runs.
 */
export function shelves(data: TDataset, pharmacies: number): number[][] {
  const lists: number[][] = Array.from({ length: pharmacies }, () => []);
  for (let i = 0; i < data.packs; i++) if (!data.isDispensed(i)) lists[data.pharmacyOf(i)]!.push(i);
  return lists.map((list) => shuffle(list));
}

export async function loadDispense(base: string, data: TDataset, pharmacies: TBenchParty[], shelf: number[][], connections: number, seconds: number): Promise<TLoadFigure> {
  let turn = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/dispense',
        setupRequest: (request) => {
          const p = turn++ % pharmacies.length;
          const pack = shelf[p]!.pop();
          if (pack === undefined) throw new Error(`pharmacy ${p} has no packs left to dispense: use a larger --scale or shorter runs`);
          return { ...request, headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${pharmacies[p]!.apiKey}` }, body: JSON.stringify({ code: data.packCode(pack) }) };
        },
      },
    ],
  });
  return figure('POST /api/v1/dispense', connections, seconds, result);
}

export type TQueryFigure = { reader: string; queries: number; eventsPerAnswer: number; p50Ms: number; p95Ms: number; p99Ms: number };

/** GET /epcis/events?MATCH_epc=<random pack>, one at a time (the latency of one query, not of a queue). */
export async function matchEpcQueries(base: string, data: TDataset, reader: { name: string; party: TBenchParty }, queries: number, sgtin: (i: number) => string): Promise<TQueryFigure> {
  const times: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const i = Math.floor(Math.random() * data.packs);
    const start = performance.now();
    const response = await fetch(`${base}/epcis/events?MATCH_epc=${encodeURIComponent(sgtin(i))}`, { headers: { authorization: `Bearer ${reader.party.apiKey}` } });
    const body = (await response.json()) as { epcisBody?: { queryResults: { resultsBody: { eventList: unknown[] } } } };
    times.push(performance.now() - start);
    if (response.status !== 200 || !body.epcisBody) throw new Error(`GET /epcis/events answered ${response.status}: ${JSON.stringify(body).slice(0, 400)}`);
    found += body.epcisBody.queryResults.resultsBody.eventList.length;
  }
  times.sort((a, b) => a - b);
  return { reader: reader.name, queries, eventsPerAnswer: Math.round((found / queries) * 10) / 10, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), p99Ms: percentile(times, 99) };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
