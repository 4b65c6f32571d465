import { z } from 'zod';
import { MAX_ANCHORS_PER_PAGE } from './log/list-anchors';

/**
 * Query strings of the public ledger routes: validated by the routes with
 * these schemas and described from them in the OpenAPI document.
 */
const ZSize = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number')
  .transform(Number)
  .meta({ description: 'A size of the anchor log (number of sealed periods): a positive integer.' });

export const ZConsistencyQuery = z.strictObject({
  from: ZSize.meta({ description: 'The smaller size: that of the checkpoint the reader already holds.' }),
  to: ZSize.meta({ description: 'The larger size, at most the latest checkpoint\'s.' }),
});

const ZSeq = z.string().regex(/^(0|[1-9][0-9]{0,9})$/, 'must be a whole number').transform(Number);

export const ZAnchorsQuery = z
  .strictObject({
    limit: z
      .string()
      .regex(/^[1-9][0-9]{0,3}$/, 'must be a positive whole number')
      .transform(Number)
      .pipe(z.number().max(MAX_ANCHORS_PER_PAGE))
      .optional()
      .meta({ description: `Anchors per page, 1-${MAX_ANCHORS_PER_PAGE} (default 100).` }),
    before: ZSeq.optional().meta({ description: 'Newest first, starting below this seq (the previous page\'s nextBefore).' }),
    after: ZSeq.optional().meta({ description: 'Oldest first, starting above this seq: for monitors following the chain.' }),
  })
  .refine((q) => q.before === undefined || q.after === undefined, { message: 'give either before or after, not both', path: ['after'] });

export const ZProofQuery = z.strictObject({
  epc: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .meta({ description: 'A pack or case the event should be shown to name: canonical key, EPC URN, Digital Link, element string or bracketed GS1 text. Adds the bundle\'s epc member.' }),
});
