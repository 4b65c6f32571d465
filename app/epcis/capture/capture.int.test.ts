import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSession, createTestUser, sessionCookie } from '@/lib/auth/test-fixtures';
import { EPCIS_MAX_DOCUMENT_BYTES, EPCIS_MAX_EVENTS } from '@/lib/epcis';
import {
  captureRequest,
  commissioningEvent,
  epcisDocument,
  packLink,
  receivingEvent,
  sgtin,
  shippingEvent,
  type TEpcisEvent,
} from '@/lib/epcis/testing/epcis-documents';
import { captureIdsOf, countCaptures, eventsOfCapture } from '@/lib/epcis/testing/store-probes';
import { packState } from '@/lib/events/testing/fixtures';
import { createTestNetwork, snapshot, type TTestNetwork } from '@/lib/events/testing/network';
import { GET as getJob } from './[captureID]/route';
import { GET as getEvents } from '../events/route';
import { GET as listJobs, OPTIONS, POST } from './route';

/*
 * POST /epcis/capture as trading partners' systems call it: the REST
 * binding's answers and headers, the custody rules by event index, all or
 * nothing, and nothing stored for anything refused.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;

beforeAll(async () => {
  n = await createTestNetwork(60);
});

type TProblem = { type: string; code: string; status: number; detail: string; errors?: { index?: number; pointer: string; code: string; detail: string }[]; captureID?: string };

const capture = (apiKey: string, body: unknown, headers: Record<string, string> = {}) => POST(captureRequest(apiKey, body, headers));
const jobOf = async (captureId: string, apiKey: string) => getJob(new Request(`http://pharmatrace.test/epcis/capture/${captureId}`, { headers: { authorization: `Bearer ${apiKey}` } }), { params: Promise.resolve({ captureID: captureId }) });
const shipPacks = (indexes: number[], to = n.dist.gln): TEpcisEvent => shippingEvent({ epcs: indexes.map((i) => sgtin(n.batch.gtin, n.serials[i]!)), from: n.maker.gln, to });

describe('a document the custody rules accept', () => {
  it('answers 202 with the capture job in Location, the GS1 headers, and records every event with the job id', async () => {
    const [a, b] = [fresh(), fresh()];
    const response = await capture(n.maker.apiKey, epcisDocument([shipPacks([a, b])]));
    expect(response.status).toBe(202);
    const job = await response.json();
    expect(response.headers.get('location')).toBe(`/epcis/capture/${job.captureID}`);
    expect(response.headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect(response.headers.get('gs1-cbv-version')).toBe('2.0.0');
    expect(response.headers.get('gs1-epcis-capture-limit')).toBe(String(EPCIS_MAX_EVENTS));
    expect(job).toMatchObject({ running: false, success: true, captureErrorBehaviour: 'rollback', errors: [], eventCount: 1 });
    expect(await eventsOfCapture(job.captureID)).toEqual([{ event_type: 'ObjectEvent', biz_step: 'shipping', org_id: n.maker.id }]);
    expect(await packState(n.batch.gtin, n.serials[a]!)).toMatchObject({ custodian_org_id: n.maker.id, in_transit_to_id: n.dist.id });

    const read = await jobOf(job.captureID, n.maker.apiKey);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(job);
  });

  it('records the same event sent in a second document once, and answers the second capture as a success', async () => {
    const i = fresh();
    const event = shipPacks([i]);
    const first = await (await capture(n.maker.apiKey, epcisDocument([event]))).json();
    const before = await snapshot();
    const second = await capture(n.maker.apiKey, epcisDocument([{ ...event, epcList: [packLink(n.batch.gtin, n.serials[i]!)] }]));
    expect(second.status).toBe(202);
    expect((await second.json()).success).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await eventsOfCapture(first.captureID)).toHaveLength(1);
  });

  it('records events the custody rules do not follow: a TransformationEvent, an AssociationEvent and an extension event type', async () => {
    const now = new Date(Date.now() - 5000).toISOString();
    const events = [
      { type: 'TransformationEvent', eventTime: now, eventTimeZoneOffset: '+00:00', inputEPCList: [packLink(n.batch.gtin, n.serials[fresh()]!)], outputQuantityList: [{ epcClass: `https://id.gs1.org/01/${n.batch.gtin}/10/REPACK1`, quantity: 2 }], bizStep: 'repackaging' },
      { type: 'AssociationEvent', eventTime: now, eventTimeZoneOffset: '+00:00', parentID: 'urn:epc:id:grai:4012345.55555.1', childEPCs: ['urn:epc:id:giai:4012345.ABC1'], action: 'ADD', bizStep: 'assembling' },
      { type: 'ex:ColdChainCheck', eventTime: now, eventTimeZoneOffset: '+00:00', 'ex:celsius': 5.5 },
    ];
    const response = await capture(n.maker.apiKey, epcisDocument(events));
    expect(response.status).toBe(202);
    const rows = await eventsOfCapture((await response.json()).captureID);
    expect(rows.map((r) => r.event_type)).toEqual(['TransformationEvent', 'AssociationEvent', 'https://ns.pharmatrace.test/epcis/ColdChainCheck']);
  });

  it('captures the events of an EPCISQueryDocument: what a query answered, sent back, is recorded already', async () => {
    await capture(n.maker.apiKey, epcisDocument([shipPacks([fresh()]), shipPacks([fresh()])]));
    const answered = await getEvents(new Request('http://pharmatrace.test/epcis/events?EQ_bizStep=shipping', { headers: { authorization: `Bearer ${n.maker.apiKey}` } }));
    const queryDocument = await answered.json();
    expect(queryDocument.type).toBe('EPCISQueryDocument');
    const before = await snapshot();
    const response = await capture(n.maker.apiKey, queryDocument);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ success: true, eventCount: queryDocument.epcisBody.queryResults.resultsBody.eventList.length });
    expect(await snapshot()).toEqual(before);
    const empty = await capture(n.maker.apiKey, { ...queryDocument, epcisBody: { queryResults: { queryName: 'SimpleEventQuery' } } });
    expect([empty.status, (await empty.json()).code]).toEqual([422, 'epcis_not_a_document']);
  });

  it('accepts a session cookie from the same origin as well as an API key', async () => {
    const user = await createTestUser(n.maker.id, 'OPERATOR');
    const cookie = sessionCookie(await createTestSession(user.id));
    const request = new Request('http://pharmatrace.test/epcis/capture', {
      method: 'POST',
      headers: { cookie, origin: 'http://pharmatrace.test', 'content-type': 'application/json' },
      body: JSON.stringify(epcisDocument([shipPacks([fresh()])])),
    });
    expect((await POST(request)).status).toBe(202);
  });
});

describe('a document the custody rules refuse', () => {
  it('records nothing, lists every refused event by its index in eventList, and closes its job as failed', async () => {
    const [held, other] = [fresh(), fresh()];
    const before = await snapshot();
    const document = epcisDocument([
      shipPacks([held]),
      receivingEvent({ epcs: [sgtin(n.batch.gtin, n.serials[other]!)], to: n.pharmacy.gln }),
      shipPacks([other], n.maker.gln),
      shippingEvent({ epcs: [sgtin(n.batch.gtin, 'NEVERMADE1')], from: n.maker.gln, to: n.dist.gln }),
    ]);
    const response = await capture(n.maker.apiKey, document);
    const problem: TProblem = await response.json();
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem).toMatchObject({ type: 'epcisException:ValidationException', code: 'destination_is_self' });
    expect(problem.errors?.map((e) => [e.index, e.pointer, e.code])).toEqual([
      [2, '/epcisBody/eventList/2', 'destination_is_self'],
      [3, '/epcisBody/eventList/3', 'unknown_serial'],
    ]);
    expect(await snapshot()).toEqual(before);

    const job = await (await jobOf(problem.captureID!, n.maker.apiKey)).json();
    expect(job).toMatchObject({ running: false, success: false, eventCount: 4 });
    expect(job.errors).toEqual([
      expect.objectContaining({ index: 2, code: 'destination_is_self', status: 422, type: 'epcisException:ValidationException' }),
      expect.objectContaining({ index: 3, code: 'unknown_serial', detail: expect.stringContaining('never commissioned') }),
    ]);
    expect(await eventsOfCapture(problem.captureID!)).toEqual([]);
  });

  it('refuses a commissioning by an organisation that may not commission, and still records nothing', async () => {
    const before = await snapshot();
    const response = await capture(n.dist.apiKey, epcisDocument([commissioningEvent({ epcs: [sgtin(n.batch.gtin, 'DISTMADE1')], lot: n.batch.lot, gln: n.dist.gln })]));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden', type: 'epcisException:SecurityException' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a document that is not valid EPCIS', () => {
  // A valid shipment of a pack the manufacturer holds, spoilt one way at a time.
  const valid = () => shipPacks([0]);
  const malformed: [string, () => unknown, number, string][] = [
    ['an event of the wrong type', () => epcisDocument([{ ...valid(), type: 'ShipmentEvent' }]), 422, 'unsupported_event_type'],
    ['a field of the wrong JSON type', () => epcisDocument([{ ...valid(), epcList: 'urn:epc:id:sgtin:4012345.011111.1' }]), 422, 'invalid_type'],
    ['a missing eventTime', () => epcisDocument([(({ eventTime: _, ...rest }) => rest)(valid())]), 422, 'missing'],
    ['an eventTime without a time zone', () => epcisDocument([{ ...valid(), eventTime: '2026-03-01T10:00:00' }]), 422, 'invalid_time'],
    ['a bad time zone offset', () => epcisDocument([{ ...valid(), eventTimeZoneOffset: '+25:00' }]), 422, 'invalid_time_zone_offset'],
    ['an unknown bizStep', () => epcisDocument([{ ...valid(), bizStep: 'shipped' }]), 422, 'unknown_vocabulary'],
    ['a bad EPC URI', () => epcisDocument([{ ...valid(), epcList: ['urn:epc:id:sgtin:123'] }]), 422, 'invalid_identifier'],
    ['a Digital Link with a wrong check digit', () => epcisDocument([{ ...valid(), epcList: ['https://id.gs1.org/01/09506000134353/21/1'] }]), 422, 'invalid_identifier'],
    ['an EPCIS 1.2 document', () => ({ ...epcisDocument([valid()]), schemaVersion: '1.2' }), 422, 'invalid_value'],
  ];

  it.each(malformed)('refuses %s with a problem naming the event, and stores nothing, not even a job', async (_name, body, status, code) => {
    const [before, captures] = [await snapshot(), await countCaptures()];
    const response = await capture(n.maker.apiKey, body());
    const problem: TProblem = await response.json();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem.type).toBe('epcisException:ValidationException');
    expect(problem.errors?.[0]?.code).toBe(code);
    if (code !== 'invalid_value') expect(problem.errors?.[0]).toMatchObject({ index: 0, pointer: expect.stringMatching(/^\/epcisBody\/eventList\/0/) });
    expect([await snapshot(), await countCaptures()]).toEqual([before, captures]);
  });

  it('refuses text that is not JSON, and a body that is not JSON-LD, with 400 and 415', async () => {
    expect((await capture(n.maker.apiKey, '{"type": "EPCISDocument", ')).status).toBe(400);
    const xml = await capture(n.maker.apiKey, '<epcis:EPCISDocument/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect((await xml.json()).type).toBe('epcisException:UnsupportedMediaTypeException');
  });

  it('refuses 10 MB of junk as it arrives, without reading it all', async () => {
    const captures = await countCaptures();
    let sent = 0;
    const chunk = new TextEncoder().encode('x'.repeat(1 << 16));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50_000_000) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://pharmatrace.test/epcis/capture', {
      method: 'POST',
      headers: { authorization: `Bearer ${n.maker.apiKey}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'epcis_document_too_large', type: 'epcisException:CaptureLimitExceededException' });
    expect(response.headers.get('gs1-epcis-capture-file-size-limit')).toBe(String(EPCIS_MAX_DOCUMENT_BYTES));
    // It read up to the limit and stopped there: 50 MB were on offer.
    expect(sent).toBeGreaterThan(EPCIS_MAX_DOCUMENT_BYTES);
    expect(sent).toBeLessThan(EPCIS_MAX_DOCUMENT_BYTES + 3 * (1 << 16));
    expect(await countCaptures()).toBe(captures);
  });

  it('refuses a declared Content-Length past the limit before reading anything', async () => {
    const request = captureRequest(n.maker.apiKey, '{}', { 'content-length': String(EPCIS_MAX_DOCUMENT_BYTES + 1) });
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe('epcis_document_too_large');
  });
});

describe('negotiation and discovery', () => {
  it('refuses capture error behaviours other than rollback, versions other than 2.0 and non-JSON answers', async () => {
    const document = epcisDocument([shipPacks([fresh()])]);
    const proceed = await capture(n.maker.apiKey, document, { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect([proceed.status, (await proceed.json()).code]).toEqual([400, 'epcis_capture_behaviour_unsupported']);
    const old = await capture(n.maker.apiKey, document, { 'GS1-EPCIS-Version': '1.2.0' });
    expect([old.status, (await old.json()).type]).toEqual([406, 'epcisException:NotAcceptableException']);
    const xml = await capture(n.maker.apiKey, document, { accept: 'application/xml' });
    expect(xml.status).toBe(406);
    const explicit = await capture(n.maker.apiKey, document, { 'GS1-Capture-Error-Behaviour': 'rollback', 'GS1-EPCIS-Version': '2.0', 'GS1-CBV-Version': '2.0.0', accept: 'application/ld+json' });
    expect(explicit.status).toBe(202);
  });

  it('answers OPTIONS with the versions, the capture limits and the error behaviour', async () => {
    const response = OPTIONS();
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      allow: 'OPTIONS, POST, GET',
      'gs1-epcis-version': '2.0.0',
      'gs1-epcis-min': '2.0.0',
      'gs1-epcis-max': '2.0.0',
      'gs1-cbv-version': '2.0.0',
      'gs1-epcis-capture-limit': String(EPCIS_MAX_EVENTS),
      'gs1-epcis-capture-file-size-limit': String(EPCIS_MAX_DOCUMENT_BYTES),
      'gs1-capture-error-behaviour': 'rollback',
    });
  });
});

describe('capture jobs are the capturing organisation\'s', () => {
  it('answers 404 to another organisation and shows every job to the regulator', async () => {
    const job = await (await capture(n.maker.apiKey, epcisDocument([shipPacks([fresh()])]))).json();
    expect((await jobOf(job.captureID, n.dist.apiKey)).status).toBe(404);
    expect((await jobOf(job.captureID, n.regulator.apiKey)).status).toBe(200);
    expect((await jobOf('not-a-uuid', n.maker.apiKey)).status).toBe(404);
  });

  it('lists the organisation\'s jobs newest first, a page at a time, and none of another organisation', async () => {
    await capture(n.dist.apiKey, epcisDocument([]));
    const list = async (apiKey: string, query: string) => listJobs(new Request(`http://pharmatrace.test/epcis/capture?${query}`, { headers: { authorization: `Bearer ${apiKey}` } }));
    const all: { captureID: string; createdAt: string }[] = await (await list(n.maker.apiKey, 'perPage=1000')).json();
    expect(all.length).toBeGreaterThan(3);
    const ids = await captureIdsOf(n.maker.id);
    expect(all.map((j) => j.captureID)).toEqual(ids);

    const paged: string[] = [];
    let query = 'perPage=2';
    for (;;) {
      const response = await list(n.maker.apiKey, query);
      paged.push(...(await response.json()).map((j: { captureID: string }) => j.captureID));
      const link = response.headers.get('link');
      if (!link) break;
      query = new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!, 'http://pharmatrace.test').search.slice(1);
    }
    expect(paged).toEqual(ids);
    const regulator: { captureID: string }[] = await (await list(n.regulator.apiKey, 'perPage=1000')).json();
    expect(regulator.length).toBeGreaterThan(all.length);
    expect((await list(n.maker.apiKey, 'nextPageToken=garbage')).status).toBe(400);
  });
});
