import { toSgtinUrn } from '@/lib/gs1';
import { getPool } from '@/lib/db';
import { epcisDocument, shippingEvent } from '@/lib/epcis/testing/epcis-documents';
import type { TTestOrg } from '@/lib/events/testing/fixtures';
import { runTsChild, type TChild } from '@/lib/ledger/testing/run-child';

/**
 * TEST-ONLY. Shared by the fault tests: route-server.ts as a child process,
 * EPCIS capture over real HTTP, and what the database holds afterwards.
 */
export type TRouteServer = { port: number; child: TChild; url: string };

/** Starts lib/testing/fault/route-server.ts with this process's environment plus `env`; resolves once it listens. */
export async function startRouteServer(env: Record<string, string> = {}, args: string[] = []): Promise<TRouteServer> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let child: TChild;
  try {
    child = runTsChild('lib/testing/fault/route-server.ts', args);
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  const line = await child.waitFor((l) => typeof l.listening === 'number', 60_000);
  const port = line.listening as number;
  return { port, child, url: `http://127.0.0.1:${port}` };
}

export async function killHard(server: TRouteServer): Promise<void> {
  server.child.process.kill('SIGKILL');
  await server.child.exited;
}

/** A capture document shipping each of `serials` (one pack per ObjectEvent) from the maker to the distributor. */
export function shipmentDocument(maker: TTestOrg, distributor: TTestOrg, gtin: string, serials: string[]): string {
  const base = Date.parse('2026-03-01T09:00:00.000Z');
  const events = serials.map((serial, i) =>
    shippingEvent({ epcs: [toSgtinUrn(gtin, serial, (maker.prefix as string).length)], from: maker.gln, to: distributor.gln, eventTime: new Date(base + i).toISOString(), eventTimeZoneOffset: '+01:00' }),
  );
  return JSON.stringify(epcisDocument(events));
}

export type TAnswer = { status: number; body: Record<string, unknown>; contentType: string | null; retryAfter: string | null };

/** One HTTP request; null when the connection broke (the server died, or refused it). */
export async function send(url: string, init: RequestInit = {}): Promise<TAnswer | null> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    return { status: response.status, body, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after') };
  } catch {
    return null;
  }
}

export function captureOver(server: TRouteServer, apiKey: string, document: string): Promise<TAnswer | null> {
  return send(`${server.url}/epcis/capture`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/ld+json' }, body: document });
}

/** How many shipping events name each of these packs (keys 01/<gtin>/21/<serial>), in total. */
export async function shippingEventsNaming(gtin: string, serials: string[]): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_epcs x JOIN events e ON e.id = x.event_id WHERE x.epc = ANY($1::text[]) AND e.biz_step = 'shipping'`,
    [serials.map((s) => `01/${gtin}/21/${s}`)],
  );
  return rows[0]!.n;
}

/** Packs of these serials whose row says they are on their way (shipped). */
export async function packsInTransit(gtin: string, serials: string[]): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM packs WHERE gtin = $1 AND serial = ANY($2::text[]) AND in_transit_to_id IS NOT NULL', [gtin, serials]);
  return rows[0]!.n;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 5 ms until it holds (at most `timeoutMs`). */
export async function until(probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('condition never held');
    await sleep(5);
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
