import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { EPCIS_MAX_EVENTS, EPCIS_MAX_REPORTED_ERRORS } from '../limits';
import { parseEpcisDocument } from './parse-epcis-document';

type TDoc = Record<string, unknown>;

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }];

/** A pharmacy dispensing one pack: the event the platform sees most. */
function dispensing(overrides: TDoc = {}): TDoc {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'dispensing',
    disposition: 'dispensed',
    epcList: ['urn:epc:id:sgtin:9506000.013435.SN12345'],
    eventTime: '2026-01-02T04:04:05.120+01:00',
    eventTimeZoneOffset: '+01:00',
    readPoint: { id: 'urn:epc:id:sgln:9506000.13430.0' },
    ...overrides,
  };
}

function documentOf(events: unknown[], overrides: TDoc = {}): TDoc {
  return { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-02T05:00:00Z', epcisBody: { eventList: events }, ...overrides };
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

describe('parseEpcisDocument', () => {
  it('returns the events as the internal model, in order, with the document @context', () => {
    const { events, context } = parseEpcisDocument(documentOf([dispensing(), dispensing({ bizStep: 'receiving', disposition: 'in_progress' })]));
    expect(context).toEqual(CONTEXT);
    expect(events.map((e) => e.bizStep)).toEqual(['dispensing', 'receiving']);
    expect(events[0]).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      eventTime: '2026-01-02T03:04:05.120Z',
      eventTimeZoneOffset: '+01:00',
      epcs: [{ key: '01/09506000134352/21/SN12345', role: 'epc' }],
      readPoint: '414/9506000134307',
      declaredEventId: null,
    });
  });

  it('refuses anything but an EPCIS 2.0 EPCISDocument, saying what it got', () => {
    const cases: [unknown, string][] = [
      [[dispensing()], 'a list'],
      ['{"type":"EPCISDocument"}', 'string'],
      [null, 'null'],
      [documentOf([], { type: 'EPCISQueryDocument' }), 'EPCISQueryDocument'],
      [{ ...documentOf([]), type: undefined }, 'no type'],
      [(({ type: _, ...rest }) => rest)(documentOf([])), 'no type'],
    ];
    for (const [body, mention] of cases) {
      const error = failure(() => parseEpcisDocument(body));
      expect(error.code).toBe('epcis_not_a_document');
      expect(error.status).toBe(422);
      expect(error.detail).toContain(mention);
    }
  });

  it('refuses a document with a broken envelope, listing each problem with a pointer', () => {
    const { '@context': _, creationDate: __, ...rest } = documentOf([]);
    const error = failure(() => parseEpcisDocument({ ...rest, schemaVersion: '1.2', foo: 1, epcisBody: { eventList: 'none' } }));
    expect(error.code).toBe('epcis_not_a_document');
    expect(error.errors?.map((e) => [e.pointer, e.code])).toEqual(
      expect.arrayContaining([
        ['/@context', 'missing'],
        ['/schemaVersion', 'invalid_value'],
        ['/creationDate', 'missing'],
        ['/epcisBody/eventList', 'invalid_type'],
        ['/foo', 'unknown_field'],
      ]),
    );
  });

  it('reports every failing event with its index, a JSON pointer and a plain reason, and returns nothing', () => {
    const { eventTime: _, ...noTime } = dispensing();
    const events = [
      noTime,
      dispensing(),
      dispensing({ eventTimeZoneOffset: '+25:00' }),
      dispensing({ eventTimeZoneOffset: 'Z' }),
      dispensing({ eventTime: '2026-01-02T04:04:05.120' }),
      dispensing({ bizStep: 'shipped' }),
      dispensing({ epcList: ['urn:epc:id:sgtin:9506000.013435.1', 'urn:epc:id:sgtin:123'] }),
      dispensing({ epcList: ['https://id.gs1.org/01/09506000134353/21/1'] }),
      'not an event',
      dispensing({ action: 5, epcList: 'urn:epc:id:sgtin:9506000.013435.1' }),
      dispensing({ 'example:note': 'fine', 'other:note': 'undeclared', bizstep: 'shipping' }),
    ];
    const error = failure(() => parseEpcisDocument(documentOf(events)));
    expect(error.code).toBe('epcis_validation_failed');
    expect(error.status).toBe(422);
    const items = error.errors ?? [];
    expect(new Set(items.map((e) => e.index))).toEqual(new Set([0, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const find = (pointer: string) => items.find((e) => e.pointer === pointer);
    expect(find('/epcisBody/eventList/0/eventTime')).toMatchObject({ index: 0, code: 'missing', detail: 'event 0: eventTime is missing' });
    expect(find('/epcisBody/eventList/2/eventTimeZoneOffset')?.detail).toBe("event 2: eventTimeZoneOffset '+25:00' is not a time zone offset ±hh:mm between -14:00 and +14:00, e.g. +01:00");
    expect(find('/epcisBody/eventList/3/eventTimeZoneOffset')?.detail).toBe("event 3: eventTimeZoneOffset 'Z' is not a time zone offset ±hh:mm; write +00:00 for UTC");
    expect(find('/epcisBody/eventList/4/eventTime')).toMatchObject({ code: 'invalid_time', detail: expect.stringMatching(/^event 4: eventTime '2026-01-02T04:04:05.120' has no time zone offset/) });
    expect(find('/epcisBody/eventList/5/bizStep')).toMatchObject({ code: 'unknown_vocabulary', detail: "event 5: bizStep 'shipped' is not a CBV business step; use e.g. 'shipping' or a full URI" });
    expect(find('/epcisBody/eventList/6/epcList/1')).toMatchObject({ code: 'invalid_identifier', detail: expect.stringMatching(/^event 6: epcList\[1\] 'urn:epc:id:sgtin:123' is not a valid EPC URI: /) });
    expect(find('/epcisBody/eventList/7/epcList/0')?.detail).toMatch(/not a valid GS1 Digital Link URI: .*check digit/);
    expect(find('/epcisBody/eventList/8')).toMatchObject({ code: 'not_an_object', detail: 'event 8: the event must be a JSON object (got string)' });
    expect(find('/epcisBody/eventList/9/action')).toMatchObject({ code: 'invalid_type', detail: 'event 9: action must be one of ADD, OBSERVE, DELETE (got number 5)' });
    expect(find('/epcisBody/eventList/9/epcList')).toMatchObject({ code: 'invalid_type' });
    expect(find('/epcisBody/eventList/10/other:note')).toMatchObject({ code: 'undeclared_prefix' });
    expect(find('/epcisBody/eventList/10/bizstep')).toMatchObject({ code: 'unknown_field' });
    expect(find('/epcisBody/eventList/10/example:note')).toBeUndefined();
    expect(error.detail).toMatch(/^The EPCIS document is invalid: event 0: eventTime is missing \(and \d+ more problems in 10 events\)\.$/);
  });

  it('caps the listed problems and counts the rest', () => {
    const events = Array.from({ length: EPCIS_MAX_REPORTED_ERRORS + 50 }, () => dispensing({ bizStep: 'shipped' }));
    const error = failure(() => parseEpcisDocument(documentOf(events)));
    expect(error.errors).toHaveLength(EPCIS_MAX_REPORTED_ERRORS);
    expect(error.extra).toMatchObject({ problemCount: EPCIS_MAX_REPORTED_ERRORS + 50, omittedProblemCount: 50, invalidEventCount: EPCIS_MAX_REPORTED_ERRORS + 50 });
  });

  it(`refuses more than ${EPCIS_MAX_EVENTS} events with 413 before looking at them`, () => {
    const events = Array.from({ length: EPCIS_MAX_EVENTS + 1 }, () => ({}));
    const error = failure(() => parseEpcisDocument(documentOf(events)));
    expect([error.code, error.status]).toEqual(['epcis_too_many_events', 413]);
    expect(error.extra).toMatchObject({ eventCount: EPCIS_MAX_EVENTS + 1, limit: EPCIS_MAX_EVENTS });
  });

  it('refuses 10 MB of junk with 413', () => {
    const junk = 'x'.repeat(10_000_001);
    for (const body of [documentOf([dispensing({ 'example:junk': junk })]), documentOf([], { 'example:junk': junk })]) {
      const error = failure(() => parseEpcisDocument(body));
      expect([error.code, error.status]).toEqual(['epcis_document_too_large', 413]);
    }
    expect(failure(() => parseEpcisDocument(junk)).code).toBe('epcis_document_too_large');
    expect(failure(() => parseEpcisDocument('junk')).code).toBe('epcis_not_a_document');
  });

  it('refuses deeply nested JSON without overflowing the stack', () => {
    const depth = 200_000;
    const nested = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    const error = failure(() => parseEpcisDocument(documentOf([dispensing({ 'example:deep': nested })])));
    expect([error.code, error.status]).toEqual(['epcis_document_too_large', 413]);
    expect(error.detail).toContain('nested deeper');
  });

  it('refuses prototype-polluting keys anywhere and leaves Object.prototype untouched', () => {
    const bodies = [
      `{"__proto__": {"polluted": true}, "type": "EPCISDocument"}`,
      JSON.stringify(documentOf([dispensing()])).replace('"action"', '"__proto__": {"polluted": true}, "action"'),
      JSON.stringify(documentOf([dispensing(), dispensing({ 'example:x': { constructor: { prototype: { polluted: true } } } })])),
    ];
    for (const text of bodies) {
      const error = failure(() => parseEpcisDocument(JSON.parse(text)));
      expect(error.code).toBe('epcis_validation_failed');
      expect(error.errors?.[0]?.code).toBe('forbidden_key');
    }
    expect(failure(() => parseEpcisDocument(JSON.parse(bodies[2] as string))).errors?.[0]).toMatchObject({ index: 1, pointer: '/epcisBody/eventList/1/example:x/constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('resolves extension prefixes from the event @context over the document @context', () => {
    const event = dispensing({ '@context': { example: 'https://other.example/ns/' }, 'example:note': 'x' });
    const [withOwn] = parseEpcisDocument(documentOf([event])).events;
    const [withDocument] = parseEpcisDocument(documentOf([dispensing({ 'example:note': 'x' })])).events;
    expect(withOwn?.document['@context']).toEqual({ example: 'https://other.example/ns/' });
    expect(withDocument?.document['@context']).toEqual({ example: 'https://ns.example.com/epcis/' });
    expect(withOwn?.hashId).not.toBe(withDocument?.hashId);
  });

  it('returns the same event sent twice in one document twice, with one hash ID', () => {
    const { events } = parseEpcisDocument(documentOf([dispensing(), dispensing({ eventTime: '2026-01-02T03:04:05.12Z' })]));
    expect(events[0]?.hashId).toBe(events[1]?.hashId);
  });
});
