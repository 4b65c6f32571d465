import { keyOfElements } from './epc-key';
import { fieldsFromElements } from './fields-from-elements';
import { gs1Error, quote } from './gs1-error';
import { identifierElements } from './gs1-keys';
import { percentDecode } from './percent-encoding';
import type { TAiElement, TEpcKind, TGs1Fields } from './types';
import { validateAiValue } from './validate-ai-value';

/** The host CBV 2.0 §8.9 puts every canonical identifier on. */
export const CANONICAL_DL_HOST = 'https://id.gs1.org';

export type TEpcKey = { kind: TEpcKind; fields: TGs1Fields };

/**
 * The identifier behind a storage key made by epcKey(). Only canonical keys
 * are accepted (finest level, canonical order and percent-encoding), so
 * each identifier has exactly one key and a lookup can never miss by
 * spelling.
 */
export function parseEpcKey(key: string): TEpcKey {
  const { kind, elements } = readEpcKey(key);
  return { kind, fields: fieldsFromElements(elements) };
}

/** The kind and elements of a canonical key; see parseEpcKey. */
export function readEpcKey(key: string): { kind: TEpcKind; elements: TAiElement[] } {
  const elements = readKey(key);
  const canonical = identifierElements(elements);
  if (keyOfElements(canonical.elements) !== key) {
    throw gs1Error('gs1_invalid_epc_key', `${quote(key)} is not a canonical key; the canonical form is "${keyOfElements(canonical.elements)}".`, { key });
  }
  return canonical;
}

/**
 * The canonical GS1 Digital Link URI of a storage key, on https://id.gs1.org:
 * the form CBV 2.0 §8.9 requires for identifiers in the EPCIS event hash
 * (EPC URNs converted, custom hosts replaced, query strings dropped, finest
 * level of identification only).
 */
export function toCanonicalDigitalLinkUri(key: string): string {
  parseEpcKey(key);
  return `${CANONICAL_DL_HOST}/${key}`;
}

function readKey(key: string): TAiElement[] {
  const segments = key.split('/');
  if (key === '' || segments.length % 2 !== 0 || segments.some((s) => s === '')) {
    throw gs1Error('gs1_invalid_epc_key', `${quote(key)} is not a key of the form "<AI>/<value>[/<AI>/<value>]".`, { key });
  }
  const elements: TAiElement[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    const ai = segments[i] as string;
    if (!/^\d{2,4}$/.test(ai)) throw gs1Error('gs1_invalid_epc_key', `${quote(key)} has ${quote(ai)} where an AI should be.`, { key });
    const encoded = segments[i + 1] as string;
    if (/%(?![0-9A-F]{2})/.test(encoded)) throw gs1Error('gs1_invalid_epc_key', `${quote(key)} has a broken percent-encoding in the value of (${ai}).`, { key });
    const value = percentDecode(encoded, { position: 0, label: `The value of (${ai}) in the key` });
    validateAiValue(ai, value);
    elements.push({ ai, value });
  }
  return elements;
}
