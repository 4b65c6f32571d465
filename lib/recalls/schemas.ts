import { z } from 'zod';
import { gs1Text, ZGtin } from '@/lib/catalog/schemas';

/** Inputs and answers of recalls (POST/GET /api/v1/recalls, the console). */
export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type TRecallClass = (typeof RECALL_CLASSES)[number];

/** Packs one recall of specific packs may name; a larger recall is a recall of the batch. */
export const MAX_RECALL_SERIALS = 10_000;

export const ZRecallInput = z
  .strictObject({
    batchId: z.uuid().optional().meta({ description: 'The batch, by id; or give gtin and lot.' }),
    gtin: ZGtin.optional(),
    lot: gs1Text('lot number').optional(),
    serials: z
      .array(gs1Text('serial'))
      .min(1)
      .max(MAX_RECALL_SERIALS)
      .optional()
      .meta({ description: `Recall only these packs of the batch (at most ${MAX_RECALL_SERIALS}); omit to recall the whole batch.` }),
    class: z.enum(RECALL_CLASSES, { error: 'Choose the class of the recall: I, II or III.' }).meta({ description: 'I: may cause serious harm or death; II: may cause temporary or reversible harm; III: unlikely to cause harm.' }),
    reason: z.string().trim().min(5, 'Say why, in a sentence the public will read.').max(500).meta({ description: 'Shown on the public verification page with the RECALLED verdict.', examples: ['Particulate matter found in vials of this lot.'] }),
  })
  .refine((r) => (r.batchId !== undefined) !== (r.gtin !== undefined || r.lot !== undefined), { error: 'Name the batch by batchId, or by gtin and lot.', path: ['batchId'] })
  .refine((r) => r.batchId !== undefined || (r.gtin !== undefined && r.lot !== undefined), { error: 'Give both gtin and lot.', path: ['lot'] })
  .meta({ id: 'RecallInput' });
export type TRecallInput = z.infer<typeof ZRecallInput>;

export const ZRecallClose = z.strictObject({ note: z.string().trim().min(1, 'Say how the recall ended.').max(2000) }).meta({ id: 'RecallClose' });
export type TRecallClose = z.infer<typeof ZRecallClose>;

export const ZRecallQuery = z.strictObject({
  status: z.enum(['OPEN', 'CLOSED']).optional(),
  batchId: z.uuid().optional(),
  before: z.string().max(200).optional().meta({ description: 'The nextBefore of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRecallQuery = z.infer<typeof ZRecallQuery>;

const ZCount = z.number().int();

export const ZRecall = z
  .object({
    id: z.uuid(),
    batch: z.object({ id: z.uuid(), gtin: z.string(), lot: z.string(), expiry: z.string(), productName: z.string() }),
    scope: z.enum(['batch', 'packs']),
    serialCount: ZCount.meta({ description: 'Packs named (0 for a whole-batch recall).' }),
    serials: z.array(z.string()).optional().meta({ description: 'The recalled serials: for the manufacturer, the regulator and whoever opened the recall.' }),
    class: z.enum(RECALL_CLASSES),
    reason: z.string(),
    status: z.enum(['OPEN', 'CLOSED']),
    eventId: z.string().nullable().meta({ description: 'The recall event on the ledger (CBV 2.0 hash ID).' }),
    openedAt: z.string(),
    openedBy: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
    closedAt: z.string().nullable(),
    closeNote: z.string().nullable(),
    affectsYou: z.boolean().meta({ description: 'Your organisation holds, or is receiving, packs of this recall.' }),
  })
  .meta({ id: 'Recall' });
export type TRecallView = z.infer<typeof ZRecall>;

export const ZRecallDetail = ZRecall.extend({
  packs: z.record(z.string(), ZCount).meta({ description: 'Packs of the recall by status: all of them for the manufacturer and the regulator, your own for others.' }),
  yourStock: z.object({ held: ZCount, incoming: ZCount }),
}).meta({ id: 'RecallDetail' });
export type TRecallDetail = z.infer<typeof ZRecallDetail>;
