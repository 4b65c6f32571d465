import { hasPredefinedLength } from './ai-table';
import { elementsFromFields } from './elements-from-fields';
import type { TDateOptions, TGs1Fields } from './types';

const GS = '\u001d';

export type TToElementStringOptions = TDateOptions & {
  /** Prefix the GS1 DataMatrix symbology identifier "]d2", as a scanner would transmit it. */
  symbologyIdentifier?: boolean;
};

/**
 * The element string of `fields` as a scanner transmits a GS1 DataMatrix:
 * AIs of predefined length first (00, 01, 11, 17, 414 need no separator),
 * then the others, each but the last followed by GS (0x1D). The leading
 * FNC1 of the symbol is what "]d2" announces; to draw a symbol, pass
 * toBracketed() to the barcode writer, which places every FNC1 itself.
 */
export function toElementString(fields: TGs1Fields, options: TToElementStringOptions = {}): string {
  const elements = elementsFromFields(fields, options);
  let out = options.symbologyIdentifier ? ']d2' : '';
  elements.forEach(({ ai, value }, i) => {
    out += ai + value;
    if (i < elements.length - 1 && !hasPredefinedLength(ai)) out += GS;
  });
  return out;
}
