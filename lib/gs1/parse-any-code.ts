import { normaliseGtin } from './assert-key';
import { identifierKind } from './identifier-kind';
import { gs1Error, quote } from './gs1-error';
import { parseBracketed } from './parse-bracketed';
import { parseDigitalLink } from './parse-digital-link';
import { parseElementString } from './parse-element-string';
import { parseEpcUrn } from './parse-epc-urn';
import type { TElementStringOptions } from './read-element-string';
import type { TCodeForm, TEpcKind, TGs1Fields } from './types';

export type TParsedCode = {
  form: TCodeForm;
  fields: TGs1Fields;
  /** What the code identifies (sgtin = a pack, lgtin = a batch, ...), when it names one identifier. */
  kind?: TEpcKind;
};

const GS = '\u001d';

/** Longer than any GS1 symbol can hold (a GS1 DataMatrix carries at most 3116 characters) or a sane URI. */
export const MAX_CODE_LENGTH = 4096;

const ACCEPTED =
  'Enter the code as scanned or printed: (01)09506000134352(17)271231(10)ABC(21)XYZ, ' +
  'a Digital Link such as https://example.org/01/09506000134352/10/ABC, an EPC URN such as ' +
  'urn:epc:id:sgtin:9506000.013435.XYZ, or a GTIN of 8, 12, 13 or 14 digits.';

/**
 * Any code as it reaches the platform (scanner, keyboard, EPCIS, the public
 * verify page): trims it, recognises its form and reads it. Input that is
 * no form at all gets gs1_unrecognised with the accepted forms spelled out;
 * input of a recognised form gets that form's precise error.
 */
export function parseAnyCode(input: string, options: TElementStringOptions = {}): TParsedCode {
  const text = input.trim();
  if (text === '') throw gs1Error('gs1_empty_input', `The code is empty. ${ACCEPTED}`);
  if (text.length > MAX_CODE_LENGTH) {
    throw gs1Error('gs1_unrecognised', `The input has ${text.length} characters, more than any GS1 code holds (${MAX_CODE_LENGTH}).`, {
      length: text.length,
      max: MAX_CODE_LENGTH,
    });
  }
  const { form, fields } = parseForm(text, options);
  return { form, fields, kind: identifierKind(fields) };
}

function parseForm(text: string, options: TElementStringOptions): { form: TCodeForm; fields: TGs1Fields } {
  // A Digital Link in a plain (non-GS1) QR Code or DataMatrix arrives as ]Q1 / ]d1 + URI.
  const uri = /^\](?:Q1|d1)(https?:\/\/.*)$/is.exec(text)?.[1] ?? text;
  if (/^https?:\/\//i.test(uri)) return { form: 'digital-link', fields: parseDigitalLink(uri, options) };
  if (/^urn:/i.test(text)) return { form: 'epc-urn', fields: parseEpcUrn(text, options).fields };
  if (looksLikeBareDigitalLink(text)) return { form: 'digital-link', fields: parseDigitalLink(`https://${text}`, options) };
  if (text.startsWith('(')) return { form: 'bracketed', fields: parseBracketed(text, options) };
  if (/^(\d{8}|\d{12,14})$/.test(text)) return { form: 'gtin', fields: { gtin: normaliseGtin(text) } };
  if (/^[\]\d]/.test(text) || text.startsWith(GS) || startsWithSeparator(text, options.separators)) {
    return { form: 'element-string', fields: parseElementString(text, options) };
  }
  throw gs1Error('gs1_unrecognised', `${quote(text)} is not a GS1 code. ${ACCEPTED}`);
}

/** "id.example.org/01/09506000134352" typed without https:// (the host has a dot, the path a GS1 key). */
function looksLikeBareDigitalLink(text: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/[^\s/]+)*\/\d{2,4}\/\S+$/i.test(text);
}

function startsWithSeparator(text: string, separators: string[] = []): boolean {
  return separators.some((s) => s !== '' && text.startsWith(s));
}
