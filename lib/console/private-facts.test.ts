import { describe, expect, it } from 'vitest';
import { buildScanEvent } from '@/lib/events';
import { privateFacts } from './private-facts';

describe('facts of a private record', () => {
  it('name the sender, the receiver and the documents of a shipment as the events service stores it', () => {
    const event = buildScanEvent({ kind: 'ship', epcs: ['00/340987650000000011'], eventTime: '2026-11-20T10:00:00.000Z', eventTimeZoneOffset: '+01:00', recorderGln: '4098765000010', partnerGln: '4091234000016', bizTransactions: [{ type: 'desadv', id: 'DA-1' }] });
    const facts = privateFacts({ event: event.document, recorder: { orgId: 'x', gln: '4098765000010', name: 'Nordwind Pharma GmbH' } });
    expect(facts).toEqual({ recorder: 'Nordwind Pharma GmbH', from: '4098765000010', to: '4091234000016', location: null, documents: [{ type: 'desadv', id: 'DA-1' }] });
  });

  it('read parties named by EPC URN, and give nothing for a record the reader may not see', () => {
    const facts = privateFacts({ event: { destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:409123.400001' }], bizLocation: { id: 'https://id.gs1.org/414/4091234000016/254/A1' } } });
    expect(facts).toMatchObject({ to: '4091234000016', from: null, recorder: null, location: 'https://id.gs1.org/414/4091234000016/254/A1' });
    expect(privateFacts(null)).toBeNull();
  });
});
