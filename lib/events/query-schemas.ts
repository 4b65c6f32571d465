import { z } from 'zod';
import { isValidSscc } from '@/lib/gs1';
import { firstInvalidChar } from '@/lib/gs1/charset';

/** Inputs of the read side, validated where they enter (path segments, query strings). */

export const ZSerialParam = z
  .string()
  .min(1)
  .max(20)
  .refine((v) => firstInvalidChar(v, 'X') < 0, { error: 'A serial uses GS1 character set 82 only.' })
  .meta({ description: 'Serial number (AI 21), percent-encoded in the path.', examples: ['7K3M9QX2PZ4D'] });

export const ZSsccParam = z
  .string()
  .refine(isValidSscc, { error: 'An SSCC has 18 digits and a valid check digit.' })
  .meta({ description: 'SSCC of a case or pallet (18 digits).', examples: ['340987650000000012'] });

export const ZEventPageQuery = z.strictObject({
  before: z.string().regex(/^[1-9]\d{0,18}$/, 'An event id.').optional().meta({ description: 'Page cursor: the `nextBefore` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZStockQuery = z.strictObject({
  gtin: z.string().regex(/^\d{14}$/, 'A GTIN-14.').optional(),
  batchId: z.uuid().optional(),
  orgId: z.uuid().optional().meta({ description: "Regulator only: another organisation's stock." }),
});
