import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { eventHashId } from '../hash/event-hash-id';
import { validateWithGs1Schema, describeSchemaErrors } from '../testing/gs1-artefacts';
import { parseEpcisEvent } from './parse-epcis-event';

type TEvent = Record<string, unknown>;

const CONTEXT = { example: 'https://ns.example.com/epcis/' };

/** A manufacturer commissions two packs of a batch, with lot and expiry in the ILMD. */
function commissioning(overrides: TEvent = {}): TEvent {
  return {
    '@context': CONTEXT,
    type: 'ObjectEvent',
    action: 'ADD',
    bizStep: 'urn:epcglobal:cbv:bizstep:commissioning',
    disposition: 'https://ref.gs1.org/cbv/Disp-active',
    epcList: ['urn:epc:id:sgtin:9506000.013435.1001', 'https://id.gs1.org/01/09506000134352/21/1002'],
    eventTime: '2026-02-03T09:15:00.5+01:00',
    eventTimeZoneOffset: '+01:00',
    recordTime: '2026-02-03T09:15:01Z',
    readPoint: { id: 'urn:epc:id:sgln:9506000.13430.12' },
    bizLocation: { id: 'geo:47.506694,11.104301' },
    bizTransactionList: [{ type: 'prodorder', bizTransaction: 'urn:epcglobal:cbv:bt:9506000134307:PO-1' }],
    ilmd: { 'cbvmda:lotNumber': 'LOT42', 'cbvmda:itemExpirationDate': '2028-06-30', 'example:line': 3 },
    'example:operator': 'QA-7',
    ...overrides,
  };
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseEpcisEvent: the model', () => {
  it('normalises vocabularies, times and identifiers, and lifts lot and expiry', () => {
    const event = parseEpcisEvent(commissioning());
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      eventTime: '2026-02-03T08:15:00.500Z',
      eventTimeZoneOffset: '+01:00',
      epcs: [
        { key: '01/09506000134352/21/1001', role: 'epc' },
        { key: '01/09506000134352/21/1002', role: 'epc' },
      ],
      readPoint: '414/9506000134307/254/12',
      bizLocation: 'geo:47.506694,11.104301',
      bizTransactions: [{ type: 'prodorder', id: 'urn:epcglobal:cbv:bt:9506000134307:PO-1' }],
      ilmd: { lot: 'LOT42', expiry: '2028-06-30', 'cbvmda:lotNumber': 'LOT42', 'example:line': 3 },
      errorDeclaration: null,
      declaredEventId: null,
    });
    expect(event.hashId).toBe(eventHashId(commissioning()));
  });

  it('names every identifier once per role, parent first, quantities last', () => {
    const event = parseEpcisEvent({
      type: 'AggregationEvent',
      action: 'ADD',
      bizStep: 'packing',
      parentID: 'urn:epc:id:sscc:9506000.1000000017',
      childEPCs: ['urn:epc:id:sgtin:9506000.013435.1', 'https://id.gs1.org/01/09506000134352/21/1', 'urn:epc:id:grai:4012345.55555.987'],
      childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:9506000.013435.LOT42', quantity: 10 }],
      eventTime: '2026-02-03T10:00:00Z',
      eventTimeZoneOffset: '+00:00',
    });
    expect(event.epcs).toEqual([
      { key: '00/195060000000000173', role: 'parent' },
      { key: '01/09506000134352/21/1', role: 'child' },
      { key: '8003/04012345555554987', role: 'child' },
      { key: '01/09506000134352/10/LOT42', role: 'quantity' },
    ]);
  });

  it('keeps parties and transaction types, and has no action for a TransformationEvent', () => {
    const event = parseEpcisEvent({
      type: 'TransformationEvent',
      inputEPCList: ['urn:epc:id:sgtin:9506000.013435.1'],
      outputEPCList: ['urn:epc:id:sgtin:9506000.013435.2'],
      bizStep: 'repackaging',
      sourceList: [{ type: 'urn:epcglobal:cbv:sdt:owning_party', source: 'urn:epc:id:pgln:9506000.13430' }],
      destinationList: [{ type: 'https://example.com/sdt/carrier', destination: 'https://carrier.example/id/7' }],
      eventTime: '2026-02-03T10:00:00Z',
      eventTimeZoneOffset: '+00:00',
    });
    expect(event.action).toBeNull();
    expect(event.sources).toEqual([{ type: 'owning_party', id: '417/9506000134307' }]);
    expect(event.destinations).toEqual([{ type: 'https://example.com/sdt/carrier', id: 'https://carrier.example/id/7' }]);
  });

  it('reads an error declaration, whose event keeps the hash ID of the event it declares wrong', () => {
    const declared = parseEpcisEvent(
      commissioning({ errorDeclaration: { declarationTime: '2026-02-04T10:00:00+02:00', reason: 'incorrect_data', correctiveEventIDs: ['urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8'] } }),
    );
    expect(declared.errorDeclaration).toEqual({ declarationTime: '2026-02-04T08:00:00.000Z', reason: 'incorrect_data', correctiveEventIds: ['urn:uuid:404d95fc-9457-4a51-bd6a-0bba133845a8'] });
    expect(declared.hashId).toBe(parseEpcisEvent(commissioning()).hashId);
  });
});

describe('parseEpcisEvent: the stored document', () => {
  it('uses bare words, drops recordTime, sets eventID to our hash ID and carries the prefixes it uses', () => {
    const event = parseEpcisEvent(commissioning());
    expect(event.document).toMatchObject({ '@context': CONTEXT, bizStep: 'commissioning', disposition: 'active', eventID: event.hashId, 'example:operator': 'QA-7' });
    expect(event.document).not.toHaveProperty('recordTime');
    expect(event.document.epcList).toEqual(commissioning().epcList);
    expect(Object.keys(event.document).slice(0, 5)).toEqual(['@context', 'type', 'eventID', 'eventTime', 'eventTimeZoneOffset']);
    const gs1 = validateWithGs1Schema(event.document);
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
  });

  it('keeps a declared eventID as sent, but never takes it as the identity', () => {
    const wrongHash = 'ni:///sha-256;0000000000000000000000000000000000000000000000000000000000000000?ver=CBV2.0';
    const event = parseEpcisEvent(commissioning({ eventID: wrongHash }));
    expect(event.declaredEventId).toBe(wrongHash);
    expect(event.document.eventID).toBe(wrongHash);
    expect(event.hashId).not.toBe(wrongHash);
    expect(event.hashId).toBe(parseEpcisEvent(commissioning()).hashId);
  });

  it('does not share objects with the input', () => {
    const raw = commissioning();
    const event = parseEpcisEvent(raw);
    (event.document.readPoint as TEvent).id = 'changed';
    (event.ilmd as TEvent)['example:line'] = 4;
    expect(raw.readPoint).toEqual({ id: 'urn:epc:id:sgln:9506000.13430.12' });
    expect((raw.ilmd as TEvent)['example:line']).toBe(3);
  });
});

describe('parseEpcisEvent: extension event types', () => {
  const custom = (overrides: TEvent = {}): TEvent => ({
    '@context': CONTEXT,
    type: 'example:TemperatureCheck',
    eventTime: '2026-02-03T10:00:00+01:00',
    eventTimeZoneOffset: '+01:00',
    'example:celsius': 4.5,
    ...overrides,
  });

  it('records the expanded IRI as the type, with no action and no identifiers, and keeps the document as sent', () => {
    const event = parseEpcisEvent(custom());
    expect(event).toMatchObject({ type: 'https://ns.example.com/epcis/TemperatureCheck', action: null, bizStep: null, disposition: null, epcs: [], ilmd: null });
    expect(event.document).toMatchObject({ '@context': CONTEXT, type: 'example:TemperatureCheck', 'example:celsius': 4.5 });
    expect({ ...parseEpcisEvent(event.document), declaredEventId: null }).toEqual(event);
  });

  it('hashes the type by its IRI: another prefix name or the full IRI is the same event', () => {
    const { 'example:celsius': _, ...rest } = custom();
    const renamed = { ...rest, '@context': { ex: 'https://ns.example.com/epcis/' }, type: 'ex:TemperatureCheck', 'ex:celsius': 4.5 };
    const full = custom({ type: 'https://ns.example.com/epcis/TemperatureCheck' });
    expect(parseEpcisEvent(renamed).hashId).toBe(parseEpcisEvent(custom()).hashId);
    expect(parseEpcisEvent(full).hashId).toBe(parseEpcisEvent(custom()).hashId);
    expect(parseEpcisEvent(custom({ type: 'example:OtherCheck' })).hashId).not.toBe(parseEpcisEvent(custom()).hashId);
  });

  it('refuses the standard fields of the five types on an extension type, naming where the data belongs', () => {
    const error = failure(() => parseEpcisEvent(custom({ epcList: ['urn:epc:id:sgtin:9506000.013435.1001'], bizStep: 'shipping' })));
    expect(error.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/epcList', 'unknown_field'],
      ['/bizStep', 'unknown_field'],
    ]);
    expect(error.errors?.[0]?.detail).toContain('an extension event type carries its data in extension fields, e.g. "example:epcList"');
  });

  it('checks the fields every event has', () => {
    const error = failure(() => parseEpcisEvent(custom({ eventTime: '2026-02-03T10:00:00', eventTimeZoneOffset: 'Z' })));
    expect(error.errors?.map((e) => e.code)).toEqual(['invalid_time', 'invalid_time_zone_offset']);
  });
});

describe('parseEpcisEvent: refusals', () => {
  it('labels errors with the index it was given, pointers relative to the event', () => {
    const error = failure(() => parseEpcisEvent(commissioning({ bizStep: 'comissioning' }), 4));
    expect(error.errors).toEqual([{ index: 4, pointer: '/bizStep', code: 'unknown_vocabulary', detail: "event 4: bizStep 'comissioning' is not a CBV business step; use e.g. 'commissioning' or a full URI" }]);
    expect(failure(() => parseEpcisEvent(commissioning({ bizStep: 'comissioning' }))).errors?.[0]?.detail).toMatch(/^bizStep 'comissioning'/);
  });

  it('refuses an unreadable expiry or lot in the ILMD, and ILMD on an OBSERVE event', () => {
    const badExpiry = failure(() => parseEpcisEvent(commissioning({ ilmd: { 'cbvmda:itemExpirationDate': '2028-02-30' } })));
    expect(badExpiry.errors?.[0]).toMatchObject({ pointer: '/ilmd/cbvmda:itemExpirationDate', code: 'invalid_value' });
    expect(failure(() => parseEpcisEvent(commissioning({ ilmd: { 'cbvmda:lotNumber': 42 } }))).errors?.[0]?.pointer).toBe('/ilmd/cbvmda:lotNumber');
    expect(failure(() => parseEpcisEvent(commissioning({ action: 'OBSERVE' }))).errors?.[0]).toMatchObject({ pointer: '/ilmd', code: 'event_content' });
  });

  it('says what an event is missing', () => {
    const problems = (overrides: TEvent) => failure(() => parseEpcisEvent({ ...overrides, eventTime: '2026-02-03T10:00:00Z', eventTimeZoneOffset: '+00:00' })).errors?.map((e) => e.detail);
    expect(problems({ type: 'ObjectEvent', action: 'OBSERVE' })).toEqual(['the event names no objects: an ObjectEvent needs epcList or quantityList (or sensorElementList with a readPoint)']);
    expect(problems({ type: 'AggregationEvent', action: 'ADD', parentID: 'urn:epc:id:sscc:9506000.1000000017' })).toEqual([
      'the event names no children: an AggregationEvent needs childEPCs or childQuantityList unless action is DELETE',
    ]);
    expect(problems({ type: 'TransactionEvent', action: 'ADD', epcList: [] })).toEqual(['bizTransactionList is missing']);
    expect(problems({ type: 'example:CustomEvent' })?.[0]).toMatch(/^type 'example:CustomEvent' is an extension event type whose prefix 'example' the @context does not declare/);
    expect(problems({ type: 'objectevent' })).toEqual(["type 'objectevent' is not an EPCIS event type; did you mean ObjectEvent?"]);
    expect(problems({ type: 'cbv:ObjectEvent' })).toEqual(['type \'cbv:ObjectEvent\' is in GS1\'s namespace but is not one of its event types; write "ObjectEvent"']);
    expect(problems({ type: 'AssociationEvent', action: 'ADD', childEPCs: ['urn:epc:id:giai:4000001.12345'] })).toEqual(['parentID is missing']);
  });

  it('refuses a quantity that is negative, or fractional without a unit', () => {
    const event = (element: TEvent) => commissioning({ epcList: undefined, ilmd: undefined, quantityList: [{ epcClass: 'urn:epc:class:lgtin:9506000.013435.LOT42', ...element }] });
    expect(failure(() => parseEpcisEvent(event({ quantity: -1, uom: 'KGM' }))).errors?.[0]?.detail).toBe('quantityList[0].quantity must not be negative');
    expect(failure(() => parseEpcisEvent(event({ quantity: 2.5 }))).errors?.[0]?.detail).toContain('a count of instances must be a whole number');
    expect(parseEpcisEvent(event({ quantity: 2.5, uom: 'KGM' })).epcs).toEqual([{ key: '01/09506000134352/10/LOT42', role: 'quantity' }]);
  });

  it('refuses non-JSON values instead of storing them', () => {
    expect(failure(() => parseEpcisEvent(commissioning({ eventTime: new Date() }))).code).toBe('epcis_validation_failed');
    expect(failure(() => parseEpcisEvent(commissioning({ 'example:n': Number.NaN }))).code).toBe('epcis_validation_failed');
  });
});
