import { assertGln, assertGtin, assertSscc } from './assert-key';
import { epcKey } from './epc-key';
import { gs1Error } from './gs1-error';
import { readEpcKey } from './parse-epc-key';
import type { TEpcKind } from './types';
import { escapeUrnComponent } from './urn-escape';

/**
 * EPC URNs from identifiers (EPC Tag Data Standard §6.3). Unlike decoding,
 * encoding needs the length of the GS1 company prefix inside the key, which
 * the number itself does not reveal: a product stores it
 * (Product.companyPrefixLength).
 */
type TGet = (ai: string) => string;
type TEncoder = (get: TGet, cpl: number) => string;

const esc = (value: string) => escapeUrnComponent(value, 'gs3a3');
/** Company prefix . leading digit + reference, from a key that starts with an indicator or extension digit (GTIN-14, SSCC). */
const indicatorParts = (key: string, cpl: number, body: number) => `${key.slice(1, 1 + cpl)}.${key[0]}${key.slice(1 + cpl, body)}`;
const gtinParts = (gtin: string, cpl: number) => indicatorParts(gtin, cpl, 13);
/** Company prefix . reference, from a key whose first `body` digits are prefix + reference. */
const keyParts = (key: string, cpl: number, body: number) => `${key.slice(0, cpl)}.${key.slice(cpl, body)}`;

const ENCODERS: Record<TEpcKind, TEncoder> = {
  sgtin: (get, c) => `urn:epc:id:sgtin:${gtinParts(get('01'), c)}.${esc(get('21'))}`,
  lgtin: (get, c) => `urn:epc:class:lgtin:${gtinParts(get('01'), c)}.${esc(get('10'))}`,
  'gtin-class': (get, c) => `urn:epc:idpat:sgtin:${gtinParts(get('01'), c)}.*`,
  upui: (get, c) => `urn:epc:id:upui:${gtinParts(get('01'), c)}.${esc(get('235'))}`,
  itip: (get, c) => {
    const v = get('8006');
    return `urn:epc:id:itip:${gtinParts(v, c)}.${v.slice(14, 16)}.${v.slice(16, 18)}.${esc(get('21'))}`;
  },
  sscc: (get, c) => `urn:epc:id:sscc:${indicatorParts(get('00'), c, 17)}`,
  sgln: (get, c) => `urn:epc:id:sgln:${keyParts(get('414'), c, 12)}.${glnExtension(get)}`,
  pgln: (get, c) => `urn:epc:id:pgln:${keyParts(get('417'), c, 12)}`,
  gsrn: (get, c) => `urn:epc:id:gsrn:${keyParts(get('8018'), c, 17)}`,
  gsrnp: (get, c) => `urn:epc:id:gsrnp:${keyParts(get('8017'), c, 17)}`,
  gsin: (get, c) => `urn:epc:id:gsin:${keyParts(get('402'), c, 16)}`,
  grai: (get, c) => withSerial('grai', keyParts(get('8003').slice(1), c, 12), get('8003').slice(14)),
  gdti: (get, c) => withSerial('gdti', keyParts(get('253'), c, 12), get('253').slice(13)),
  sgcn: (get, c) => withSerial('sgcn', keyParts(get('255'), c, 12), get('255').slice(13)),
  giai: (get, c) => `urn:epc:id:giai:${numericPrefix(get('8004'), c, 'GIAI', false)}.${esc(get('8004').slice(c))}`,
  ginc: (get, c) => `urn:epc:id:ginc:${numericPrefix(get('401'), c, 'GINC', false)}.${esc(get('401').slice(c))}`,
  cpi: (get, c) => `urn:epc:id:cpi:${numericPrefix(get('8010'), c, 'CPID', true)}.${escapeUrnComponent(get('8010').slice(c), 'cpi')}.${get('8011')}`,
};

/** An instance URN when the key carries a serial, else the pattern for the whole class. */
function withSerial(scheme: string, parts: string, serial: string): string {
  return serial === '' ? `urn:epc:idpat:${scheme}:${parts}.*` : `urn:epc:id:${scheme}:${parts}.${esc(serial)}`;
}

function glnExtension(get: TGet): string {
  const ext = optional(get, '254');
  // "0" is how the URN says "no extension", so an extension that is literally "0" has no URN.
  if (ext === '0') throw gs1Error('gs1_invalid_urn', 'A GLN extension "0" cannot be written as an SGLN URN: there "0" means "no extension".', { ai: '254' });
  return ext === undefined ? '0' : esc(ext);
}

/** For keys with an alphanumeric reference: the first `cpl` characters must be digits, the company prefix. */
function numericPrefix(value: string, cpl: number, name: string, emptyReference: boolean): string {
  const prefix = value.slice(0, cpl);
  if (!/^\d+$/.test(prefix) || prefix.length < cpl || (!emptyReference && value.length === cpl)) {
    throw gs1Error('gs1_invalid_company_prefix_length', `The ${name} ${value} does not start with a ${cpl}-digit company prefix followed by a reference.`, {
      companyPrefixLength: cpl,
    });
  }
  return prefix;
}

function optional(get: TGet, ai: string): string | undefined {
  try {
    return get(ai);
  } catch {
    return undefined;
  }
}

function checkCpl(cpl: number): number {
  if (!Number.isInteger(cpl) || cpl < 6 || cpl > 12) {
    throw gs1Error('gs1_invalid_company_prefix_length', `A GS1 company prefix has 6 to 12 digits, not ${cpl}.`, { companyPrefixLength: cpl });
  }
  return cpl;
}

/** The EPC URN of any canonical key (see epcKey), given the company prefix length. */
export function toEpcUrn(key: string, companyPrefixLength: number): string {
  const cpl = checkCpl(companyPrefixLength);
  const { kind, elements } = readEpcKey(key);
  const get: TGet = (ai) => {
    const found = elements.find((e) => e.ai === ai);
    if (!found) throw gs1Error('gs1_missing_ai', `The identifier has no (${ai}).`, { ai });
    return found.value;
  };
  return ENCODERS[kind](get, cpl);
}

export function toSgtinUrn(gtin: string, serial: string, companyPrefixLength: number): string {
  return toEpcUrn(epcKey({ gtin: assertGtin(gtin), serial }), companyPrefixLength);
}

export function toLgtinUrn(gtin: string, lot: string, companyPrefixLength: number): string {
  return toEpcUrn(epcKey({ gtin: assertGtin(gtin), lot }), companyPrefixLength);
}

/** urn:epc:idpat:sgtin:<cp>.<indicator+item>.* — every pack of one product. */
export function toGtinPatternUrn(gtin: string, companyPrefixLength: number): string {
  return toEpcUrn(epcKey({ gtin: assertGtin(gtin) }), companyPrefixLength);
}

export function toSsccUrn(sscc: string, companyPrefixLength: number): string {
  return toEpcUrn(epcKey({ sscc: assertSscc(sscc) }), companyPrefixLength);
}

export function toSglnUrn(gln: string, extension: string | undefined, companyPrefixLength: number): string {
  return toEpcUrn(epcKey({ gln: assertGln(gln), glnExtension: extension }), companyPrefixLength);
}
