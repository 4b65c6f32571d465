import { z } from 'zod';
import { isValidGtin, normaliseGtin } from '@/lib/gs1';
import { firstInvalidChar } from '@/lib/gs1/charset';

/** Inputs of the catalogue, validated at every boundary (API bodies, query strings, forms, the seed). */

/** Packs per commissioning call (the bound; a 100,000-pack run is one transaction of a few seconds). */
export const MAX_COMMISSION_COUNT = 100_000;

export const ZGtin = z
  .string()
  .trim()
  .refine(isValidGtin, { error: 'A GTIN has 8, 12, 13 or 14 digits and a valid check digit.' })
  .transform((gtin) => normaliseGtin(gtin))
  .meta({ description: 'GTIN-8, -12, -13 or -14; stored as 14 digits.', examples: ['04098765000119'] });

/** A lot number or serial as GS1 allows it: 1-20 characters of GS1 character set 82. */
export function gs1Text(what: string) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(20, `A ${what} has at most 20 characters (GS1).`)
    .refine((v) => firstInvalidChar(v, 'X') < 0, { error: `A ${what} uses letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ only (GS1 character set 82).` });
}

const ZIsoDate = z.iso.date({ error: 'Use a date YYYY-MM-DD.' });

export const ZProductInput = z
  .strictObject({
    gtin: ZGtin,
    name: z.string().trim().min(1).max(200).meta({ examples: ['Amoxicillin 500 mg capsules'] }),
    form: z.string().trim().min(1).max(80).meta({ description: 'Pharmaceutical form.', examples: ['capsule'] }),
    strength: z.string().trim().min(1).max(80).meta({ examples: ['500 mg'] }),
    packSize: z.number().int().min(1).max(100_000).meta({ description: 'Units per pack.', examples: [20] }),
    companyPrefixLength: z.number().int().min(6).max(12).meta({ description: 'Digits of your GS1 company prefix inside the GTIN (for EPC URNs).', examples: [7] }),
  })
  .meta({ id: 'ProductInput' });
export type TProductInput = z.infer<typeof ZProductInput>;

export const ZBatchInput = z
  .strictObject({
    gtin: ZGtin,
    lot: gs1Text('lot number').meta({ examples: ['AMX2401'] }),
    expiry: ZIsoDate.meta({ description: 'Expiry date (the last day the packs may be used).', examples: ['2027-03-31'] }),
    manufacturedOn: ZIsoDate.optional().meta({ examples: ['2025-03-01'] }),
  })
  .refine((b) => b.manufacturedOn === undefined || b.manufacturedOn <= b.expiry, { error: 'The batch cannot expire before it was made.', path: ['manufacturedOn'] })
  .meta({ id: 'BatchInput' });
export type TBatchInput = z.infer<typeof ZBatchInput>;

export const ZCommissionInput = z
  .strictObject({
    count: z.number().int().min(1).max(MAX_COMMISSION_COUNT).meta({ description: `Packs to commission (1 to ${MAX_COMMISSION_COUNT}).`, examples: [1000] }),
    serialLength: z.number().int().min(12).max(20).optional().meta({ description: 'Characters per random serial (default 12).' }),
    eventTime: z.iso.datetime({ offset: true }).optional().meta({ description: 'When the packs were commissioned (default: now).' }),
  })
  .meta({ id: 'CommissionInput' });
export type TCommissionInput = z.infer<typeof ZCommissionInput>;

export const ZProductQuery = z.strictObject({
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the name, or the start of the GTIN.' }),
  mine: z.enum(['true', 'false']).optional().meta({ description: "Only your organisation's products." }),
});

export const ZBatchQuery = z.strictObject({
  gtin: ZGtin.optional(),
  q: z.string().trim().max(100).optional().meta({ description: 'Start of the lot number, or part of the product name.' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
