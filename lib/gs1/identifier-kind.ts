import { elementsFromFields } from './elements-from-fields';
import { identifierElements } from './gs1-keys';
import type { TEpcKind, TGs1Fields } from './types';

/**
 * What `fields` identify, or undefined when they name no single GS1 key:
 * 'sgtin' for a pack (GTIN + serial), 'lgtin' for a batch (GTIN + lot, no
 * serial), 'gtin-class' for a product, 'sscc' for a case, 'sgln' for a place.
 */
export function identifierKind(fields: TGs1Fields): TEpcKind | undefined {
  const { gtin, serial, lot, sscc, gln, glnExtension, attributes } = fields;
  try {
    return identifierElements(elementsFromFields({ gtin, serial, lot, sscc, gln, glnExtension, attributes }, {})).kind;
  } catch {
    return undefined;
  }
}
