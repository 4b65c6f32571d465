import { hash } from 'node:crypto';
import { EVENT_HASH_VERSION } from '@/lib/epcis';
// The pre-hash spelling of free text (trim, timestamps in UTC, identifiers as canonical links): lot numbers are free text.
import { hashTime } from '@/lib/epcis/hash/hash-values';

/**
 * The CBV 2.0 pre-hash string (docs/decisions/041) of the events the scan API
 * builds, written directly instead of by walking a JSON document: scans
 * are the hot path (thousands of events a second), and their shape is fixed
 * and already canonical (identifiers are canonical Digital Links on
 * id.gs1.org, vocabulary values bare CBV words, times UTC with milliseconds).
 * lib/epcis stays the definition: build-scan-event.test.ts checks, for every
 * kind and arbitrary inputs, that eventHashId of the built document gives the
 * same ID.
 */
export const CANONICAL_HOST = 'https://id.gs1.org/';
const CBV = 'https://ref.gs1.org/cbv/';

export type TPreHashParts = {
  type: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  epcList: readonly string[];
  parentID: string | null;
  childEPCs: readonly string[];
  quantityClasses: readonly string[];
  action: string;
  bizStep: string | null;
  disposition: string;
  readPoint: string;
  bizTransactions: readonly { type: string; uri: string }[];
  sources: readonly string[];
  destinations: readonly string[];
  ilmd: { lot: string; expiry?: string } | null;
};

/** Keys are ASCII (percent-encoded), so the default sort is the code point order CBV requires. */
function sortedList(name: string, entries: string[]): string {
  return entries.length === 0 ? '' : name + entries.sort().join('');
}

const epc = (key: string) => `epc=${CANONICAL_HOST}${key}`;

export function scanPreHashString(p: TPreHashParts): string {
  return [
    `eventType=${p.type}eventTime=${p.eventTime}eventTimeZoneOffset=${p.eventTimeZoneOffset}`,
    sortedList('epcList', p.epcList.map(epc)),
    p.parentID === null ? '' : `parentID=${CANONICAL_HOST}${p.parentID}`,
    sortedList('childEPCs', p.childEPCs.map(epc)),
    sortedList('quantityList', p.quantityClasses.map((key) => `quantityElementepcClass=${CANONICAL_HOST}${key}`)),
    `action=${p.action}`,
    p.bizStep === null ? '' : `bizStep=${CBV}BizStep-${p.bizStep}`,
    `disposition=${CBV}Disp-${p.disposition}`,
    `readPointid=${CANONICAL_HOST}${p.readPoint}`,
    sortedList('bizTransactionList', p.bizTransactions.map((t) => `bizTransaction=${t.uri}type=${CBV}BTT-${t.type}`)),
    sortedList('sourceList', p.sources.map((key) => `source=${CANONICAL_HOST}${key}type=${CBV}SDT-owning_party`)),
    sortedList('destinationList', p.destinations.map((key) => `destination=${CANONICAL_HOST}${key}type=${CBV}SDT-owning_party`)),
    p.ilmd === null ? '' : ilmdPart(p.ilmd),
  ].join('');
}

function ilmdPart(ilmd: { lot: string; expiry?: string }): string {
  const fields = [`{urn:epcglobal:cbv:mda:}lotNumber=${hashTime(ilmd.lot) ?? ''}`];
  if (ilmd.expiry !== undefined) fields.push(`{urn:epcglobal:cbv:mda:}itemExpirationDate=${hashTime(ilmd.expiry) ?? ''}`);
  return sortedList('ilmd', fields);
}

/** ni:///sha-256;<hex>?ver=CBV2.0 of a pre-hash string (node:crypto: the hot path). */
export function hashIdOf(preHash: string): string {
  return `ni:///sha-256;${hash('sha256', preHash, 'hex')}?ver=${EVENT_HASH_VERSION}`;
}
