import { epcKey, parseDigitalLink } from '@/lib/gs1';
import type { TEventInput } from '@/lib/epcis';
import type { TBatchFacts } from '../types';
import { isPackKey } from './world';

/**
 * Lot and expiry that an EPCIS event's identifiers carry, by pack key: a
 * Digital Link may spell the batch in its path (/10/<lot>) and the expiry in
 * its query (?17=YYMMDD), and they must match the pack's batch as scanned
 * codes must. EPC URNs carry neither. Only links that can carry them are
 * read, so ordinary events cost nothing here.
 */
export function batchFactsOf(input: TEventInput): Map<string, TBatchFacts> {
  const facts = new Map<string, TBatchFacts>();
  const document = input.document;
  const identifiers = [...listOf(document.epcList), ...listOf(document.childEPCs)];
  for (const identifier of identifiers) {
    if (!/^https?:\/\//i.test(identifier) || !(identifier.includes('/10/') || identifier.includes('17='))) continue;
    const { fields, key } = readLink(identifier);
    if (key === null || !isPackKey(key)) continue;
    const found: TBatchFacts = {};
    if (fields.lot !== undefined) found.lot = fields.lot;
    if (fields.expiry !== undefined) found.expiry = fields.expiry;
    if (found.lot !== undefined || found.expiry !== undefined) facts.set(key, found);
  }
  return facts;
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The link's fields and pack key; lib/epcis already validated it, so reading cannot fail on a well-formed event. */
function readLink(uri: string): { fields: { lot?: string; expiry?: string }; key: string | null } {
  try {
    const fields = parseDigitalLink(uri);
    const key = fields.gtin && fields.serial ? epcKey({ gtin: fields.gtin, serial: fields.serial }) : null;
    return { fields: { lot: fields.lot, expiry: fields.expiry }, key };
  } catch {
    return { fields: {}, key: null };
  }
}
