import { elementsFromFields } from './elements-from-fields';
import { gs1Error, quote } from './gs1-error';
import { identifierElements } from './gs1-keys';
import { readDigitalLink } from './parse-digital-link';
import { readEpcUrn } from './parse-epc-urn';
import { percentEncode } from './percent-encoding';
import type { TAiElement, TEpcKind, TGs1Fields } from './types';

/**
 * The canonical storage key of an identifier, the same whatever form it
 * came in and whatever the company prefix length: the path of its canonical
 * GS1 Digital Link without host and leading slash, at the finest level of
 * identification (CBV 2.0 §8.9), e.g.
 *   "01/09506000134352/21/12345"  an SGTIN (a pack)
 *   "01/09506000134352/10/ABC"    an LGTIN (a batch)
 *   "01/09506000134352"           a GTIN class (a product)
 *   "00/106141412345678908"       an SSCC (a case or pallet)
 *   "414/0614141000012" or "414/0614141000012/254/2"  an SGLN
 * Values are percent-encoded as in the URI, so a serial containing "/"
 * cannot make two keys collide. See docs/decisions/021.
 */
export function epcKey(input: TGs1Fields | { kind: TEpcKind; fields: TGs1Fields }): string {
  const fields = 'fields' in input && 'kind' in input ? input.fields : (input as TGs1Fields);
  const identifying: TGs1Fields = { ...fields, expiry: undefined, expiryRaw: undefined, productionDate: undefined };
  const { kind, elements } = identifierElements(elementsFromFields(withoutUndefined(identifying)));
  if ('kind' in input && input.kind !== kind) {
    throw gs1Error('gs1_missing_ai', `The fields name an identifier of kind "${kind}", not "${input.kind}".`, { kind: input.kind, found: kind });
  }
  return keyOfElements(elements);
}

/**
 * The storage key of an identifier as EPCIS documents write it: an EPC URN
 * (id, class or pattern) or a GS1 Digital Link on any host. The query of a
 * Digital Link (expiry and other attributes) is not part of the identifier.
 */
export function epcKeyFromIdentifier(uriOrUrn: string): string {
  const text = uriOrUrn.trim();
  if (/^urn:/i.test(text)) return keyOfElements(identifierElements(readEpcUrn(text).elements).elements);
  if (/^https?:\/\//i.test(text)) return keyOfElements(identifierElements(readDigitalLink(text).path).elements);
  if (text === '') throw gs1Error('gs1_empty_input', 'The identifier is empty.');
  throw gs1Error('gs1_unrecognised', `${quote(text)} is neither an EPC URN (urn:epc:...) nor a GS1 Digital Link (https://...).`);
}

/** The key string of identifier elements already reduced by identifierElements. */
export function keyOfElements(elements: TAiElement[]): string {
  return elements.map((e) => `${e.ai}/${percentEncode(e.value)}`).join('/');
}

function withoutUndefined(fields: TGs1Fields): TGs1Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as TGs1Fields;
}
