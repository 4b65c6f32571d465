/*
 * TEST-ONLY. Builders of EPCIS 2.0 documents as a trading partner's system
 * would send them: the five steps of a DSCSA-style flow (commission, pack,
 * ship, receive, dispense) with the same CBV words the scan API writes
 * (lib/events/kinds.ts), identifiers as EPC URNs or GS1 Digital Links.
 */
import { toSgtinUrn, toSsccUrn } from '@/lib/gs1';

export type TEpcisEvent = Record<string, unknown>;

export const TEST_CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { ex: 'https://ns.pharmatrace.test/epcis/' }];

export function epcisDocument(events: TEpcisEvent[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@context': TEST_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-03-01T08:00:00.000Z', epcisBody: { eventList: events }, ...overrides };
}

/** A pack as an SGTIN URN (the manufacturers of the test fixtures have 7-digit company prefixes). */
export const sgtin = (gtin: string, serial: string, prefixLength = 7) => toSgtinUrn(gtin, serial, prefixLength);
export const packLink = (gtin: string, serial: string) => `https://id.gs1.org/01/${gtin}/21/${serial}`;
export const ssccUrn = (sscc: string, prefixLength = 7) => toSsccUrn(sscc, prefixLength);
const location = (gln: string) => ({ id: `https://id.gs1.org/414/${gln}` });
const party = (gln: string) => `https://id.gs1.org/417/${gln}`;

type TWhen = { eventTime?: string; eventTimeZoneOffset?: string };
const when = (w: TWhen) => ({ eventTime: w.eventTime ?? new Date(Date.now() - 60_000).toISOString(), eventTimeZoneOffset: w.eventTimeZoneOffset ?? '+00:00' });

export function commissioningEvent(spec: TWhen & { epcs: string[]; lot: string; expiry?: string; gln: string }): TEpcisEvent {
  const ilmd: Record<string, unknown> = { 'cbvmda:lotNumber': spec.lot };
  if (spec.expiry) ilmd['cbvmda:itemExpirationDate'] = spec.expiry;
  return { type: 'ObjectEvent', ...when(spec), epcList: spec.epcs, action: 'ADD', bizStep: 'commissioning', disposition: 'active', readPoint: location(spec.gln), ilmd };
}

export function packingEvent(spec: TWhen & { parent: string; children: string[]; gln: string }): TEpcisEvent {
  return { type: 'AggregationEvent', ...when(spec), parentID: spec.parent, childEPCs: spec.children, action: 'ADD', bizStep: 'packing', disposition: 'in_progress', readPoint: location(spec.gln) };
}

export function shippingEvent(spec: TWhen & { epcs: string[]; from: string; to: string; desadv?: string }): TEpcisEvent {
  return {
    type: 'ObjectEvent',
    ...when(spec),
    epcList: spec.epcs,
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: location(spec.from),
    ...(spec.desadv ? { bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${spec.from}:${spec.desadv}` }] } : {}),
    sourceList: [{ type: 'owning_party', source: party(spec.from) }],
    destinationList: [{ type: 'owning_party', destination: party(spec.to) }],
  };
}

export function receivingEvent(spec: TWhen & { epcs: string[]; from?: string; to: string }): TEpcisEvent {
  return {
    type: 'ObjectEvent',
    ...when(spec),
    epcList: spec.epcs,
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'in_progress',
    readPoint: location(spec.to),
    ...(spec.from ? { sourceList: [{ type: 'owning_party', source: party(spec.from) }] } : {}),
    destinationList: [{ type: 'owning_party', destination: party(spec.to) }],
  };
}

export function dispensingEvent(spec: TWhen & { epcs: string[]; gln: string }): TEpcisEvent {
  return { type: 'ObjectEvent', ...when(spec), epcList: spec.epcs, action: 'OBSERVE', bizStep: 'dispensing', disposition: 'dispensed', readPoint: location(spec.gln) };
}

/** POST /epcis/capture as a partner's system calls it: Bearer API key, JSON-LD body. */
export function captureRequest(apiKey: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://pharmatrace.test/epcis/capture', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/ld+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
