import { withCheckDigit } from './check-digit';
import { gs1Error } from './gs1-error';
import type { TAiElement, TEpcKind } from './types';
import { unescapeUrnComponent } from './urn-escape';

/**
 * The EPC URN schemes of the EPC Tag Data Standard 2.0 (§6.3 pure identity
 * URIs, §6.5 class URIs, §8 pattern URIs) and their GS1 element strings
 * (§7). Decoding needs no company prefix length: it is where the first dot
 * is. Components after the company prefix are `rest`.
 */
export type TUrnScheme = {
  kind: TEpcKind;
  /** Number of dot-separated components, company prefix included. */
  parts: number;
  decode: (cp: string, rest: string[]) => TAiElement[];
};

const el = (ai: string, value: string): TAiElement => ({ ai, value });
const gs3a3 = (text: string, label: string) => unescapeUrnComponent(text, 'gs3a3', label);

/** Digits of a reference component whose length, with the company prefix, is fixed. */
export function digitsWith(cp: string, ref: string, total: number, what: string): string {
  if (!/^\d*$/.test(ref) || cp.length + ref.length !== total) {
    throw gs1Error('gs1_invalid_urn', `The company prefix and ${what} of this URN must be ${total} digits together; found "${cp}" + "${ref}".`, {
      component: ref,
    });
  }
  return cp + ref;
}

/** GTIN-14 from the company prefix and the indicator digit + item reference. */
function gtinOf(cp: string, indicatorItem: string): string {
  digitsWith(cp, indicatorItem, 13, 'indicator digit + item reference');
  return withCheckDigit(indicatorItem.charAt(0) + cp + indicatorItem.slice(1));
}

function numericSerial(text: string, label: string): string {
  if (!/^\d{1,12}$/.test(text)) throw gs1Error('gs1_invalid_urn', `${label} must be 1 to 12 digits, not "${text}".`, { component: text });
  return text;
}

export const ID_SCHEMES: Record<string, TUrnScheme> = {
  sgtin: { kind: 'sgtin', parts: 3, decode: (cp, [item, serial]) => [el('01', gtinOf(cp, item!)), el('21', gs3a3(serial!, 'The serial'))] },
  sscc: {
    kind: 'sscc',
    parts: 2,
    decode: (cp, [ref]) => {
      digitsWith(cp, ref!, 17, 'extension digit + serial reference');
      return [el('00', withCheckDigit(ref!.charAt(0) + cp + ref!.slice(1)))];
    },
  },
  sgln: {
    kind: 'sgln',
    parts: 3,
    decode: (cp, [loc, ext]) => {
      const gln = el('414', withCheckDigit(digitsWith(cp, loc!, 12, 'location reference')));
      // Extension "0" is how the standard says "no extension".
      return ext === '0' ? [gln] : [gln, el('254', gs3a3(ext!, 'The GLN extension'))];
    },
  },
  grai: {
    kind: 'grai',
    parts: 3,
    decode: (cp, [type, serial]) => [el('8003', `0${withCheckDigit(digitsWith(cp, type!, 12, 'asset type'))}${gs3a3(serial!, 'The GRAI serial')}`)],
  },
  giai: { kind: 'giai', parts: 2, decode: (cp, [ref]) => [el('8004', cp + gs3a3(ref!, 'The asset reference'))] },
  gsrn: { kind: 'gsrn', parts: 2, decode: (cp, [ref]) => [el('8018', withCheckDigit(digitsWith(cp, ref!, 17, 'service reference')))] },
  gsrnp: { kind: 'gsrnp', parts: 2, decode: (cp, [ref]) => [el('8017', withCheckDigit(digitsWith(cp, ref!, 17, 'service reference')))] },
  gdti: {
    kind: 'gdti',
    parts: 3,
    decode: (cp, [type, serial]) => [el('253', withCheckDigit(digitsWith(cp, type!, 12, 'document type')) + gs3a3(serial!, 'The GDTI serial'))],
  },
  cpi: {
    kind: 'cpi',
    parts: 3,
    decode: (cp, [ref, serial]) => [el('8010', cp + unescapeUrnComponent(ref!, 'cpi', 'The component/part reference')), el('8011', numericSerial(serial!, 'The CPI serial'))],
  },
  sgcn: {
    kind: 'sgcn',
    parts: 3,
    decode: (cp, [ref, serial]) => [el('255', withCheckDigit(digitsWith(cp, ref!, 12, 'coupon reference')) + numericSerial(serial!, 'The coupon serial'))],
  },
  ginc: { kind: 'ginc', parts: 2, decode: (cp, [ref]) => [el('401', cp + gs3a3(ref!, 'The consignment reference'))] },
  gsin: { kind: 'gsin', parts: 2, decode: (cp, [ref]) => [el('402', withCheckDigit(digitsWith(cp, ref!, 16, 'shipper reference')))] },
  itip: {
    kind: 'itip',
    parts: 5,
    decode: (cp, [item, piece, total, serial]) => {
      if (!/^\d\d$/.test(piece!) || !/^\d\d$/.test(total!)) throw gs1Error('gs1_invalid_urn', 'The piece and total of an ITIP are two digits each.');
      return [el('8006', gtinOf(cp, item!) + piece + total), el('21', gs3a3(serial!, 'The serial'))];
    },
  },
  upui: { kind: 'upui', parts: 3, decode: (cp, [item, tpx]) => [el('01', gtinOf(cp, item!)), el('235', gs3a3(tpx!, 'The third-party controlled serial'))] },
  pgln: { kind: 'pgln', parts: 2, decode: (cp, [ref]) => [el('417', withCheckDigit(digitsWith(cp, ref!, 12, 'party reference')))] },
};

export const CLASS_SCHEMES: Record<string, TUrnScheme> = {
  lgtin: { kind: 'lgtin', parts: 3, decode: (cp, [item, lot]) => [el('01', gtinOf(cp, item!)), el('10', gs3a3(lot!, 'The lot'))] },
};

/** Patterns that name one class of objects (the last component is "*"). */
export const PATTERN_SCHEMES: Record<string, TUrnScheme> = {
  sgtin: { kind: 'gtin-class', parts: 3, decode: (cp, [item]) => [el('01', gtinOf(cp, item!))] },
  grai: { kind: 'grai', parts: 3, decode: (cp, [type]) => [el('8003', `0${withCheckDigit(digitsWith(cp, type!, 12, 'asset type'))}`)] },
  gdti: { kind: 'gdti', parts: 3, decode: (cp, [type]) => [el('253', withCheckDigit(digitsWith(cp, type!, 12, 'document type')))] },
  sgcn: { kind: 'sgcn', parts: 3, decode: (cp, [ref]) => [el('255', withCheckDigit(digitsWith(cp, ref!, 12, 'coupon reference')))] },
};
