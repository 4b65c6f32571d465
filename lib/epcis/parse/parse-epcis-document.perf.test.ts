import { describe, expect, it } from 'vitest';
import { EPCIS_MAX_EVENTS } from '../limits';
import { parseEpcisDocument } from './parse-epcis-document';

/**
 * A full capture at the limit: 10,000 shipping events of 10 packs each
 * (about 8 MB of JSON, 100,000 identifiers) validated, keyed, hashed and
 * normalised. Capture is asynchronous in the REST binding (202 + capture
 * job), but a document at the limit must still take seconds, not minutes,
 * on one core. The budget is loose on purpose; the figure is printed.
 */
describe('parseEpcisDocument at the capture limit', () => {
  it(`parses ${EPCIS_MAX_EVENTS} events with 10 packs each within the budget`, () => {
    const eventList = Array.from({ length: EPCIS_MAX_EVENTS }, (_, i) => ({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      epcList: Array.from({ length: 10 }, (_, j) => `urn:epc:id:sgtin:9506000.013435.${i}P${j}`),
      eventTime: '2026-01-02T04:04:05.120+01:00',
      eventTimeZoneOffset: '+01:00',
      readPoint: { id: 'urn:epc:id:sgln:9506000.13430.0' },
      bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:9506000134307:ASN-1' }],
      destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:9506000.13430' }],
    }));
    const document = { '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-02T05:00:00Z', epcisBody: { eventList } };
    const start = performance.now();
    const { events } = parseEpcisDocument(document);
    const elapsed = performance.now() - start;
    console.info(`parseEpcisDocument: ${events.length} events, ${events.length * 10} identifiers in ${Math.round(elapsed)} ms`);
    expect(events).toHaveLength(EPCIS_MAX_EVENTS);
    expect(new Set(events.map((e) => e.hashId)).size).toBe(EPCIS_MAX_EVENTS);
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);
});
