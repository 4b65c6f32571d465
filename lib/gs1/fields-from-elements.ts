import { checkAssociations } from './element-list';
import { expiryFromYymmdd, productionDateFromYymmdd } from './expiry-from-yymmdd';
import type { TAiElement, TDateOptions, TGs1Fields } from './types';

/** Which named field of TGs1Fields holds each AI; every other AI goes to `attributes`. */
export const FIELD_OF_AI = {
  '01': 'gtin',
  '10': 'lot',
  '21': 'serial',
  '17': 'expiryRaw',
  '00': 'sscc',
  '414': 'gln',
  '254': 'glnExtension',
  '11': 'productionDate',
} as const satisfies Record<string, keyof TGs1Fields>;

type TModelledAi = keyof typeof FIELD_OF_AI;

export function isModelledAi(ai: string): ai is TModelledAi {
  return Object.hasOwn(FIELD_OF_AI, ai);
}

/**
 * The fields of a code from its validated elements. Dates are resolved with
 * the GS1 century rule relative to `today`.
 */
export function fieldsFromElements(elements: TAiElement[], options: TDateOptions = {}): TGs1Fields {
  checkAssociations(elements);
  const fields: TGs1Fields = {};
  const attributes: Record<string, string> = {};
  for (const { ai, value } of elements) {
    if (!isModelledAi(ai)) {
      attributes[ai] = value;
    } else if (ai === '17') {
      fields.expiryRaw = value;
      fields.expiry = expiryFromYymmdd(value, options.today);
    } else if (ai === '11') {
      fields.productionDate = productionDateFromYymmdd(value, options.today);
    } else {
      fields[FIELD_OF_AI[ai]] = value;
    }
  }
  if (Object.keys(attributes).length > 0) fields.attributes = attributes;
  return fields;
}
