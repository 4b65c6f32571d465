import { describe, expect, it } from 'vitest';
import { parseEpcisEvent } from '../parse/parse-epcis-event';
import { describeSchemaErrors, validateWithGs1Schema } from '../testing/gs1-artefacts';
import { toQueryDocument } from './to-query-document';

function event(context: Record<string, string>, extension: Record<string, unknown>, serial: string) {
  return parseEpcisEvent({
    '@context': context,
    type: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'receiving',
    epcList: [`urn:epc:id:sgtin:9506000.013435.${serial}`],
    eventTime: '2026-01-02T03:04:05Z',
    eventTimeZoneOffset: '+01:00',
    ...extension,
  }).document;
}

describe('toQueryDocument', () => {
  it('wraps stored events in an EPCISQueryDocument GS1 accepts', () => {
    const events = [event({}, {}, '1'), event({ example: 'https://ns.example.com/epcis/' }, { 'example:note': 'x' }, '2')];
    const document = toQueryDocument(events, { creationDate: '2026-01-03T00:00:00.000Z', subscriptionID: 'sub-7' });
    expect(document).toMatchObject({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }],
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      creationDate: '2026-01-03T00:00:00.000Z',
      epcisBody: { queryResults: { queryName: 'SimpleEventQuery', subscriptionID: 'sub-7', resultsBody: { eventList: [events[0], { 'example:note': 'x' }] } } },
    });
    const lifted = (document.epcisBody as { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } }).queryResults.resultsBody.eventList[1];
    expect(lifted).not.toHaveProperty('@context');
    const gs1 = validateWithGs1Schema(document);
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
  });

  it("keeps an event's own @context when its prefix means something else in another event", () => {
    const a = event({ ex: 'https://a.example/' }, { 'ex:note': 'a' }, '1');
    const b = event({ ex: 'https://b.example/' }, { 'ex:note': 'b' }, '2');
    const document = toQueryDocument([a, b], { queryName: 'MyQuery' });
    const list = (document.epcisBody as { queryResults: { queryName: string; resultsBody: { eventList: Record<string, unknown>[] } } }).queryResults;
    expect(list.queryName).toBe('MyQuery');
    expect(document['@context']).toEqual(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld']);
    expect(list.resultsBody.eventList.map((e) => e['@context'])).toEqual([{ ex: 'https://a.example/' }, { ex: 'https://b.example/' }]);
    expect(validateWithGs1Schema(document).valid).toBe(true);
  });

  it('does not change the stored events and accepts an empty result', () => {
    const stored = event({ example: 'https://ns.example.com/epcis/' }, { 'example:note': 'x' }, '1');
    const before = JSON.stringify(stored);
    toQueryDocument([stored]);
    expect(JSON.stringify(stored)).toBe(before);
    const empty = toQueryDocument([]);
    expect(validateWithGs1Schema(empty).valid).toBe(true);
    expect(Date.parse(empty.creationDate as string)).not.toBeNaN();
  });

  it('writes each event with its standard fields in EPCIS order, whatever order storage gave them', () => {
    const shuffled = { 'ex:note': 'x', epcList: ['urn:epc:id:sgtin:9506000.013435.1'], eventTimeZoneOffset: '+00:00', recordTime: '2026-01-01T00:00:01.000Z', action: 'OBSERVE', eventTime: '2026-01-01T00:00:00.000Z', eventID: 'urn:uuid:1', type: 'ObjectEvent' };
    const document = toQueryDocument([shuffled]);
    const [written] = (document.epcisBody as { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } }).queryResults.resultsBody.eventList;
    expect(Object.keys(written!)).toEqual(['type', 'eventID', 'eventTime', 'recordTime', 'eventTimeZoneOffset', 'epcList', 'action', 'ex:note']);
  });
});
