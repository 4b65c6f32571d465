import { fieldsFromElements } from './fields-from-elements';
import { readElementString, type TElementStringOptions } from './read-element-string';
import type { TGs1Fields } from './types';

/**
 * The fields of a GS1 element string as a scanner types it, e.g.
 * "]d2010950600013435217271231" + "10ABC<GS>21XYZ": with or without a symbology
 * identifier (]d2, ]Q3, ]C1, ]e0, ]J1), GS (0x1D) or a configured substitute
 * after variable-length fields, AIs in any order. Throws a gs1_* AppError
 * naming the fault and its position.
 */
export function parseElementString(input: string, options: TElementStringOptions = {}): TGs1Fields {
  return fieldsFromElements(readElementString(input, options), options);
}
