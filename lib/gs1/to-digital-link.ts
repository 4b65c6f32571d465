import { elementsFromFields } from './elements-from-fields';
import { gs1Error, quote } from './gs1-error';
import { isPrimaryKey, PRIMARY_KEYS } from './gs1-keys';
import { percentEncode } from './percent-encoding';
import { splitUri } from './split-uri';
import type { TAiElement, TDateOptions, TGs1Fields } from './types';

/**
 * The GS1 Digital Link URI of `fields` on `baseUrl` (e.g.
 * "https://example.org", or one with a path prefix): the key and its
 * qualifiers in the path in the standard order (/01/{gtin}/10/{lot}/21/{serial}),
 * every other AI in the query in AI order (?17=271231).
 */
export function toDigitalLink(fields: TGs1Fields, baseUrl: string, options: TDateOptions = {}): string {
  const base = checkBaseUrl(baseUrl);
  const elements = elementsFromFields(fields, options);
  const key = singleKey(elements);
  const path = [key, ...pathQualifiers(key, elements)];
  const query = elements.filter((e) => !path.includes(e)).sort((a, b) => (a.ai < b.ai ? -1 : 1));
  const pathText = path.map((e) => `/${e.ai}/${percentEncode(e.value)}`).join('');
  const queryText = query.map((e) => `${e.ai}=${percentEncode(e.value)}`).join('&');
  return `${base}${pathText}${queryText ? `?${queryText}` : ''}`;
}

function checkBaseUrl(baseUrl: string): string {
  splitUri(baseUrl);
  if (/[?#\s]/.test(baseUrl)) {
    throw gs1Error('gs1_invalid_digital_link', `The base URL ${quote(baseUrl)} must be a plain https:// address without query or fragment.`);
  }
  return baseUrl.replace(/\/+$/, '');
}

function singleKey(elements: TAiElement[]): TAiElement {
  const keys = elements.filter((e) => isPrimaryKey(e.ai));
  if (keys.length === 1) return keys[0] as TAiElement;
  if (keys.length === 0) throw gs1Error('gs1_missing_ai', 'A Digital Link needs a GS1 key (GTIN, SSCC, GLN, ...) for its path; the fields carry none.');
  throw gs1Error('gs1_ambiguous_key', `The fields carry ${keys.map((k) => `(${k.ai})`).join(' and ')}; a Digital Link names one key.`, { ais: keys.map((k) => k.ai) });
}

/** The qualifiers present, in the one allowed sequence that holds all of them. */
function pathQualifiers(key: TAiElement, elements: TAiElement[]): TAiElement[] {
  const allQualifiers = new Set((PRIMARY_KEYS[key.ai] ?? []).flat());
  const present = elements.filter((e) => allQualifiers.has(e.ai));
  if (present.length === 0) return [];
  const sequence = (PRIMARY_KEYS[key.ai] ?? []).find((seq) => present.every((e) => seq.includes(e.ai)));
  if (!sequence) {
    throw gs1Error('gs1_invalid_digital_link', `(${present.map((e) => e.ai).join(') and (')}) cannot qualify (${key.ai}) together in one Digital Link path.`);
  }
  return sequence.map((ai) => present.find((e) => e.ai === ai)).filter((e): e is TAiElement => e !== undefined);
}
