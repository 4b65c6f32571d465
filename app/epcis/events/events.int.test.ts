import { beforeAll, describe, expect, it } from 'vitest';
import { describeSchemaErrors, validateWithGs1Schema } from '@/lib/epcis/testing/gs1-artefacts';
import { captureRequest, epcisDocument, packLink, receivingEvent, sgtin, shippingEvent } from '@/lib/epcis/testing/epcis-documents';
import { scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { GET as getBizSteps } from '../bizSteps/route';
import { GET as getBizStepEvents } from '../bizSteps/[bizStep]/events/route';
import { POST as capture } from '../capture/route';
import { GET as getEpcEvents } from '../epcs/[epc]/events/route';
import { GET as getEventTypes } from '../eventTypes/route';
import { GET as getEventTypeEvents } from '../eventTypes/[eventType]/events/route';
import { GET as getEvent } from './[eventID]/route';
import { GET as getEvents, OPTIONS } from './route';

/*
 * The query side of the REST binding: who sees which events, the standard
 * parameters, exact pages, and documents GS1's schema accepts.
 */
type TDocument = { type: string; epcisBody: { queryResults: { queryName: string; resultsBody: { eventList: TEvent[] } } } };
type TEvent = { type: string; eventID: string; bizStep?: string; eventTime: string; recordTime: string; epcList?: string[] };

let n: TTestNetwork;
const pack = (i: number) => sgtin(n.batch.gtin, n.serials[i]!);
const base = 'http://pharmatrace.test/epcis';

/** One shipment of packs 0-2 to the distributor (EPCIS), received there (EPCIS); pack 3 to the pharmacy, received and dispensed there (scan API). */
beforeAll(async () => {
  n = await createTestNetwork(12);
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 8, minutes)).toISOString();
  const send = async (apiKey: string, events: Record<string, unknown>[]) => {
    const response = await capture(captureRequest(apiKey, epcisDocument(events)));
    if (response.status !== 202) throw new Error(`capture answered ${response.status}: ${await response.text()}`);
  };
  await send(n.maker.apiKey, [shippingEvent({ epcs: [pack(0), pack(1), pack(2)], from: n.maker.gln, to: n.dist.gln, eventTime: at(0), desadv: 'DA-1' }), shippingEvent({ epcs: [pack(3)], from: n.maker.gln, to: n.pharmacy.gln, eventTime: at(1) })]);
  await send(n.dist.apiKey, [receivingEvent({ epcs: [packLink(n.batch.gtin, n.serials[0]!), pack(1), pack(2)], from: n.maker.gln, to: n.dist.gln, eventTime: at(30) })]);
  await scan(n.pharmacy, { kind: 'receive', codes: [n.code(3)], eventTime: at(40) }, { kind: 'dispense', codes: [n.code(3)], eventTime: at(50) });
});

type THandler = (request: Request, ctx: never) => Promise<Response>;

async function query(apiKey: string, search: string, handler: THandler = getEvents, params: Record<string, string> = {}, path = '/events'): Promise<Response> {
  return handler(new Request(`${base}${path}?${search}`, { headers: { authorization: `Bearer ${apiKey}` } }), { params: Promise.resolve(params) } as never);
}

async function eventsOf(response: Response): Promise<TEvent[]> {
  expect(response.status, await response.clone().text()).toBe(200);
  const document = (await response.json()) as TDocument;
  expect(document.type).toBe('EPCISQueryDocument');
  return document.epcisBody.queryResults.resultsBody.eventList;
}

const steps = (events: TEvent[]) => events.map((e) => e.bizStep);

describe('who sees which events', () => {
  it('shows each organisation the events it took part in, and the regulator all of them', async () => {
    expect(steps(await eventsOf(await query(n.maker.apiKey, '')))).toEqual(['commissioning', 'shipping', 'shipping', 'receiving', 'receiving']);
    expect(steps(await eventsOf(await query(n.dist.apiKey, '')))).toEqual(['shipping', 'receiving']);
    expect(steps(await eventsOf(await query(n.pharmacy.apiKey, '')))).toEqual(['shipping', 'receiving', 'dispensing']);
    expect(steps(await eventsOf(await query(n.pharmacy2.apiKey, '')))).toEqual([]);
    const all = steps(await eventsOf(await query(n.regulator.apiKey, 'perPage=1000')));
    expect(all.slice(-5)).toEqual(['shipping', 'shipping', 'receiving', 'receiving', 'dispensing']);
  });

  it('answers an event another organisation may not see with 404, as if it did not exist', async () => {
    const [shipment] = await eventsOf(await query(n.dist.apiKey, 'EQ_bizStep=shipping'));
    const get = (apiKey: string, id: string) => getEvent(new Request(`${base}/events/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${apiKey}` } }), { params: Promise.resolve({ eventID: id }) });
    const own = await eventsOf(await get(n.dist.apiKey, shipment!.eventID));
    expect(own.map((e) => e.eventID)).toEqual([shipment!.eventID]);
    expect((await get(n.regulator.apiKey, shipment!.eventID)).status).toBe(200);
    const foreign = await get(n.pharmacy2.apiKey, shipment!.eventID);
    expect([foreign.status, (await foreign.json()).type]).toEqual([404, 'epcisException:NoSuchNameException']);
    expect((await get(n.dist.apiKey, 'ni:///sha-256;' + '0'.repeat(64) + '?ver=CBV2.0')).status).toBe(404);
  });
});

describe('the standard query parameters', () => {
  it('match an EPC in any spelling: URN or Digital Link, in epcList or as a child', async () => {
    const byUrn = await eventsOf(await query(n.maker.apiKey, `MATCH_epc=${encodeURIComponent(pack(0))}`));
    const byLink = await eventsOf(await query(n.maker.apiKey, `MATCH_epc=${encodeURIComponent(packLink(n.batch.gtin, n.serials[0]!))}`));
    expect(steps(byUrn)).toEqual(['commissioning', 'shipping', 'receiving']);
    expect(byLink).toEqual(byUrn);
    const pattern = `urn:epc:idpat:sgtin:${n.batch.gtin.slice(1, 8)}.${n.batch.gtin[0]}${n.batch.gtin.slice(8, 13)}.*`;
    expect(steps(await eventsOf(await query(n.regulator.apiKey, `MATCH_anyEPC=${encodeURIComponent(pattern)}&perPage=1000`)))).toContain('dispensing');
  });

  it('filter by business step in any spelling, with alternatives separated by |', async () => {
    const bare = await eventsOf(await query(n.pharmacy.apiKey, 'EQ_bizStep=receiving|dispensing'));
    expect(steps(bare)).toEqual(['receiving', 'dispensing']);
    const uri = await eventsOf(await query(n.pharmacy.apiKey, `EQ_bizStep=${encodeURIComponent('https://ref.gs1.org/cbv/BizStep-receiving|urn:epcglobal:cbv:bizstep:dispensing')}`));
    expect(uri).toEqual(bare);
    expect(steps(await eventsOf(await query(n.pharmacy.apiKey, 'EQ_disposition=dispensed')))).toEqual(['dispensing']);
  });

  it('filter by event time, record time, type, action, read point and event ID', async () => {
    const times = await eventsOf(await query(n.maker.apiKey, `GE_eventTime=${encodeURIComponent('2026-03-01T09:00:00+01:00')}&LT_eventTime=2026-03-01T08:31:00Z`));
    expect(steps(times)).toEqual(['shipping', 'shipping', 'receiving']);
    // An unencoded + of the offset arrives as a space: read as the + it was.
    expect(await eventsOf(await query(n.maker.apiKey, 'GE_eventTime=2026-03-01T09:00:00+01:00&LT_eventTime=2026-03-01T08:31:00Z'))).toEqual(times);
    const recorded = await eventsOf(await query(n.maker.apiKey, `GE_recordTime=${encodeURIComponent(times[2]!.recordTime)}`));
    expect(recorded.map((e) => e.eventID)).toContain(times[2]!.eventID);
    expect(await eventsOf(await query(n.maker.apiKey, 'eventType=AggregationEvent|TransformationEvent'))).toEqual([]);
    expect(steps(await eventsOf(await query(n.maker.apiKey, 'eventType=ObjectEvent&EQ_action=OBSERVE')))).toEqual(['shipping', 'shipping', 'receiving', 'receiving']);
    expect(steps(await eventsOf(await query(n.dist.apiKey, `EQ_readPoint=${encodeURIComponent(`https://id.gs1.org/414/${n.dist.gln}`)}`)))).toEqual(['receiving']);
    expect((await eventsOf(await query(n.dist.apiKey, `EQ_eventID=${encodeURIComponent(times[0]!.eventID)}`))).map((e) => e.eventID)).toEqual([times[0]!.eventID]);
  });

  it('order by event time in either direction, and take the first N with eventCountLimit', async () => {
    const descending = await eventsOf(await query(n.pharmacy.apiKey, 'orderBy=eventTime'));
    expect(steps(descending)).toEqual(['dispensing', 'receiving', 'shipping']);
    expect(steps(await eventsOf(await query(n.pharmacy.apiKey, 'orderBy=eventTime&orderDirection=ASC')))).toEqual(['shipping', 'receiving', 'dispensing']);
    const latest = await query(n.pharmacy.apiKey, 'orderBy=eventTime&orderDirection=DESC&eventCountLimit=1&perPage=1');
    expect(steps(await eventsOf(latest))).toEqual(['dispensing']);
    expect(latest.headers.get('link')).toBeNull();
  });

  it('refuse a query that matches more than maxEventCount events', async () => {
    const response = await query(n.maker.apiKey, 'maxEventCount=4');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'epcis_query_too_large', type: 'epcisException:QueryTooLargeException' });
    expect(await eventsOf(await query(n.maker.apiKey, 'maxEventCount=5'))).toHaveLength(5);
  });

  it('refuse unknown, unsupported and invalid parameters with 400, naming each', async () => {
    const cases: [string, string, string][] = [
      ['colour=red', 'epcis_query_parameter_unknown', 'colour'],
      ['EQ_quantity=3', 'epcis_query_parameter_unsupported', 'EQ_quantity'],
      ['EQ_bizTransaction_po=urn:x:1', 'epcis_query_parameter_unsupported', 'EQ_bizTransaction_po'],
      ['GE_eventTime=yesterday', 'epcis_query_parameter_invalid', 'GE_eventTime'],
      ['GE_eventTime=2026-03-01T10:00:00', 'epcis_query_parameter_invalid', 'GE_eventTime'],
      ['EQ_bizStep=shipped', 'epcis_query_parameter_invalid', 'EQ_bizStep'],
      ['MATCH_epc=urn:epc:id:sgtin:123', 'epcis_query_parameter_invalid', 'MATCH_epc'],
      ['eventCountLimit=3', 'epcis_query_parameter_invalid', 'eventCountLimit'],
      ['orderBy=example:weight', 'epcis_query_parameter_invalid', 'orderBy'],
      ['orderBy=eventTime&orderDirection=UP', 'epcis_query_parameter_invalid', 'orderDirection'],
      ['perPage=0', 'epcis_query_parameter_invalid', 'perPage'],
      ['perPage=100000', 'epcis_query_parameter_invalid', 'perPage'],
    ];
    for (const [search, code, parameter] of cases) {
      const response = await query(n.maker.apiKey, search);
      const problem = await response.json();
      expect([search, response.status, problem.code, problem.parameter]).toEqual([search, 400, code, parameter]);
      expect(problem.type).toBe('epcisException:QueryParameterException');
      expect(problem.detail).toContain(parameter);
    }
  });
});

describe('paging', () => {
  it('walks every event once with perPage and the Link header, and the token only serves its own query', async () => {
    const all = await eventsOf(await query(n.regulator.apiKey, 'perPage=1000&eventType=ObjectEvent'));
    const seen: string[] = [];
    let search = 'perPage=2&eventType=ObjectEvent';
    let link: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const response = await query(n.regulator.apiKey, search);
      seen.push(...(await eventsOf(response)).map((e) => e.eventID));
      link = response.headers.get('link');
      if (!link) break;
      expect(link).toMatch(/^<\/epcis\/events\?[^>]*nextPageToken=[A-Za-z0-9_-]+[^>]*>; rel="next"$/);
      search = new URL(/^<([^>]+)>/.exec(link)![1]!, base).search.slice(1);
    }
    expect(seen).toEqual(all.map((e) => e.eventID));
    const token = new URL(`${base}/events?${search}`).searchParams.get('nextPageToken')!;
    const other = await query(n.regulator.apiKey, `eventType=AggregationEvent&nextPageToken=${token}`);
    expect([other.status, (await other.json()).code]).toEqual([400, 'epcis_page_token_invalid']);
  });
});

describe('the other resources', () => {
  it('/epcs/{epc}/events names the EPC in the path, percent-encoded', async () => {
    const link = packLink(n.batch.gtin, n.serials[3]!);
    const events = await eventsOf(await query(n.pharmacy.apiKey, '', getEpcEvents, { epc: link }, `/epcs/${encodeURIComponent(link)}/events`));
    expect(steps(events)).toEqual(['shipping', 'receiving', 'dispensing']);
    const bad = await query(n.pharmacy.apiKey, '', getEpcEvents, { epc: 'urn:epc:id:sgtin:1' });
    expect([bad.status, (await bad.json()).code]).toEqual([400, 'epcis_query_parameter_invalid']);
  });

  it('/eventTypes and /bizSteps list the vocabulary, and their /events filter by it', async () => {
    const types = await (await query(n.maker.apiKey, '', getEventTypes)).json();
    expect(types).toMatchObject({ type: 'Collection', member: ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] });
    expect((await (await query(n.maker.apiKey, '', getBizSteps)).json()).member).toContain('dispensing');
    expect(steps(await eventsOf(await query(n.pharmacy.apiKey, '', getBizStepEvents, { bizStep: 'dispensing' })))).toEqual(['dispensing']);
    expect(await eventsOf(await query(n.pharmacy.apiKey, '', getEventTypeEvents, { eventType: 'AggregationEvent' }))).toEqual([]);
    expect(await eventsOf(await query(n.pharmacy.apiKey, 'EQ_bizStep=shipping', getBizStepEvents, { bizStep: 'dispensing' }))).toEqual([]);
  });

  it('answers OPTIONS and every answer with the GS1 version headers', async () => {
    expect(OPTIONS().headers.get('allow')).toBe('OPTIONS, GET');
    const response = await query(n.maker.apiKey, '');
    expect([response.headers.get('gs1-epcis-version'), response.headers.get('gs1-cbv-version')]).toEqual(['2.0.0', '2.0.0']);
  });
});

describe('what the platform returns', () => {
  it('validates against GS1\'s EPCIS 2.0 JSON Schema, whichever door the events came through', async () => {
    for (const apiKey of [n.regulator.apiKey, n.pharmacy.apiKey, n.maker.apiKey]) {
      const document = await (await query(apiKey, 'perPage=1000')).json();
      const gs1 = validateWithGs1Schema(document);
      expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
    }
  });
});
