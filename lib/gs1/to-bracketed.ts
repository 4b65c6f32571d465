import { elementsFromFields } from './elements-from-fields';
import type { TDateOptions, TGs1Fields } from './types';

/**
 * The human-readable interpretation of `fields`, as printed under a
 * barcode: "(01)09506000134352(17)271231(10)ABC(21)XYZ". A "(" in a value
 * that would read as the start of an AI, like the "(21)" in lot "X(21)Y",
 * is written "\(" so that parseBracketed reads the same fields back.
 */
export function toBracketed(fields: TGs1Fields, options: TDateOptions = {}): string {
  return elementsFromFields(fields, options)
    .map(({ ai, value }) => `(${ai})${value.replace(/\((?=\d{2,4}\))/g, '\\(')}`)
    .join('');
}
