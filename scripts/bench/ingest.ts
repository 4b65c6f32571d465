import { getPool } from '@/lib/db';
import { copyFrom } from '@/lib/events/record/copy-from';
import { generateSerials, toSgtinUrn } from '@/lib/gs1';
import { copySameRows } from './copy-baseline';
import type { TBenchParty } from './parties';

/**
 * Ingest through the running server, each request followed by a raw COPY
 * of the very rows it wrote (copy-baseline.ts): alternating keeps both
 * under the same machine load, which on a shared machine moves more than
 * either figure.
 */
export type TIngestFigure = {
  door: string;
  events: number;
  requests: number;
  ms: number;
  perSecond: number;
  copyPerSecond: number;
  copyEventsOnlyPerSecond: number;
  /** Throughput of the door divided by throughput of COPY of the same rows (events + identifiers). */
  ratio: number;
};

type TStep = { org: TBenchParty; send: () => Promise<string[]> };

async function post(url: string, key: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body });
}

async function measure(door: string, steps: TStep[]): Promise<TIngestFigure> {
  let ms = 0;
  let copyMs = 0;
  let copyEventsOnlyMs = 0;
  let events = 0;
  for (const [i, step] of steps.entries()) {
    const start = performance.now();
    const ids = await step.send();
    ms += performance.now() - start;
    const copy = await copySameRows(ids, `${door}-${Date.now()}-${i}`);
    copyMs += copy.allMs;
    copyEventsOnlyMs += copy.eventsOnlyMs;
    events += ids.length;
  }
  const rate = (t: number) => Math.round((events * 1000) / t);
  return { door, events, requests: steps.length, ms: Math.round(ms), perSecond: rate(ms), copyPerSecond: rate(copyMs), copyEventsOnlyPerSecond: rate(copyEventsOnlyMs), ratio: copyMs / ms };
}

/** POST /api/v1/scans: requests of `perRequest` one-pack events, every pack shipped, then every pack received. */
export async function ingestScans(base: string, parties: { maker: TBenchParty; distributor: TBenchParty }, gtin: string, serials: string[], perRequest: number): Promise<TIngestFigure> {
  const link = (serial: string) => `https://id.gs1.org/01/${gtin}/21/${serial}`;
  const chunks = chunk(serials, perRequest);
  const request = (org: TBenchParty, events: object[]) => async () => {
    const response = await post(`${base}/api/v1/scans`, org.apiKey, JSON.stringify({ events }));
    if (response.status !== 201) throw new Error(`POST /api/v1/scans answered ${response.status}: ${(await response.text()).slice(0, 400)}`);
    return ((await response.json()) as { events: { id: string }[] }).events.map((e) => e.id);
  };
  const steps: TStep[] = [
    ...chunks.map((c) => ({ org: parties.maker, send: request(parties.maker, c.map((s) => ({ kind: 'ship', codes: [link(s)], to: parties.distributor.gln }))) })),
    ...chunks.map((c) => ({ org: parties.distributor, send: request(parties.distributor, c.map((s) => ({ kind: 'receive', codes: [link(s)] }))) })),
  ];
  return measure('scans', steps);
}

/** POST /epcis/capture: EPCIS 2.0 documents of `perRequest` one-pack ObjectEvents (SGTIN URNs), shipped, then received. */
export async function ingestCapture(base: string, parties: { maker: TBenchParty; distributor: TBenchParty }, gtin: string, prefixLength: number, serials: string[], perRequest: number): Promise<TIngestFigure> {
  const time = (i: number) => new Date(Date.now() - 3_600_000 + i).toISOString();
  const place = (gln: string) => ({ id: `https://id.gs1.org/414/${gln}` });
  const owner = (gln: string) => `https://id.gs1.org/417/${gln}`;
  const event = (serial: string, i: number, ship: boolean) => ({
    type: 'ObjectEvent', eventTime: time(i), eventTimeZoneOffset: '+01:00', epcList: [toSgtinUrn(gtin, serial, prefixLength)], action: 'OBSERVE',
    bizStep: ship ? 'shipping' : 'receiving', disposition: ship ? 'in_transit' : 'in_progress', readPoint: place(ship ? parties.maker.gln : parties.distributor.gln),
    sourceList: [{ type: 'owning_party', source: owner(parties.maker.gln) }], destinationList: [{ type: 'owning_party', destination: owner(parties.distributor.gln) }],
  });
  const document = (events: object[]) => JSON.stringify({ '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(), epcisBody: { eventList: events } });
  const request = (org: TBenchParty, body: string) => async () => {
    const response = await post(`${base}/epcis/capture`, org.apiKey, body, 'application/ld+json');
    if (response.status !== 202) throw new Error(`POST /epcis/capture answered ${response.status}: ${(await response.text()).slice(0, 400)}`);
    const { captureID } = (await response.json()) as { captureID: string };
    const { rows } = await getPool().query<{ id: string }>('SELECT id::text FROM events WHERE capture_id = $1 ORDER BY id', [captureID]);
    return rows.map((r) => r.id);
  };
  const chunks = chunk(serials, perRequest);
  let n = 0;
  const steps: TStep[] = [
    ...chunks.map((c) => ({ org: parties.maker, send: request(parties.maker, document(c.map((s) => event(s, n++, true)))) })),
    ...chunks.map((c) => ({ org: parties.distributor, send: request(parties.distributor, document(c.map((s) => event(s, n++, false)))) })),
  ];
  return measure('capture', steps);
}

export type TCommissionFigure = { count: number; ms: number; perSecond: number; copyMs: number; copyPerSecond: number; ratio: number; serials: string[] };

/** POST /api/v1/batches/{id}/commission of `count` random serials, between two raw COPYs of as many pack rows (their mean is the baseline). */
export async function commissionAgainstCopy(base: string, maker: TBenchParty, gtin: string, batchIds: [string, string, string], count: number): Promise<TCommissionFigure> {
  const before = await copyPacks(gtin, batchIds[0], maker.id, count);
  const start = performance.now();
  const response = await post(`${base}/api/v1/batches/${batchIds[1]}/commission`, maker.apiKey, JSON.stringify({ count }));
  if (response.status !== 201) throw new Error(`commission answered ${response.status}: ${(await response.text()).slice(0, 400)}`);
  await response.json();
  const ms = performance.now() - start;
  const copyMs = (before + (await copyPacks(gtin, batchIds[2], maker.id, count))) / 2;
  const { rows } = await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE batch_id = $1 ORDER BY serial', [batchIds[1]]);
  const rate = (t: number) => Math.round((count * 1000) / t);
  return { count, ms: Math.round(ms), perSecond: rate(ms), copyMs: Math.round(copyMs), copyPerSecond: rate(copyMs), ratio: copyMs / ms, serials: rows.map((r) => r.serial) };
}

async function copyPacks(gtin: string, batchId: string, makerId: string, count: number): Promise<number> {
  const now = new Date().toISOString();
  const lines = generateSerials(count).map((s) => `${gtin}\t${s}\t${batchId}\tACTIVE\t${makerId}\t${now}\t${now}\n`);
  const client = await getPool().connect();
  try {
    const start = performance.now();
    await client.query('BEGIN');
    await copyFrom(client, 'packs', ['gtin', 'serial', 'batch_id', 'status', 'custodian_org_id', 'commissioned_at', 'updated_at'], lines);
    await client.query('COMMIT');
    return performance.now() - start;
  } finally {
    client.release();
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
