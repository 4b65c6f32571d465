/**
 * lib/recalls: recalls of batches and packs, propagated to every affected
 * pack in the transaction of their ledger event (docs/decisions/070).
 *
 *   openRecall(actor, { batchId | gtin+lot, serials?, class, reason }): Promise<TRecallView>
 *   closeRecall(actor, id, { note }): Promise<TRecallView>
 *   listRecalls(actor, query): Promise<{ items: TRecallView[]; nextBefore }>
 *   getRecall(actor, id): Promise<TRecallDetail>
 */
export { openRecall } from './open-recall';
export { closeRecall } from './close-recall';
export { getRecall, listRecalls } from './list-recalls';
export { MAX_RECALL_SERIALS, RECALL_CLASSES, ZRecall, ZRecallClose, ZRecallDetail, ZRecallInput, ZRecallQuery, type TRecallClass, type TRecallClose, type TRecallDetail, type TRecallInput, type TRecallQuery, type TRecallView } from './schemas';
