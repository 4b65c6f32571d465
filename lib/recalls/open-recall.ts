import type { TActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { buildScanCaptureEvent, recorderOf, recordCaptureEvents } from '@/lib/events';
import { epcKey } from '@/lib/gs1';
import { propagateRecall } from './propagate-recall';
import { alreadyRecalled, assertSerialsOfBatch, recallBatch } from './recall-batch';
import { loadRecallRow, recallView } from './recall-view';
import type { TRecallInput, TRecallView } from './schemas';

/**
 * Opens a recall of a batch, or of specific packs of it, for its
 * manufacturer or the regulator. One transaction: the recall event on the
 * ledger (lib/events: ObjectEvent, bizStep holding, disposition recalled,
 * the batch as an LGTIN class or the packs as SGTINs; its public record
 * carries the class and reason), every affected pack RECALLED wherever it
 * is (on a shelf, inside cases and pallets, in transit), the batch RECALLED
 * for a whole-batch recall, the recall row, packs.recall_id, an alert for
 * each organisation holding or receiving affected packs and the
 * recall.opened notifications. Dispensing a recalled pack is then refused
 * (pack_recalled) and the public page shows RECALLED with the reason.
 */
export async function openRecall(actor: TActor, input: TRecallInput): Promise<TRecallView> {
  assertCan(actor, 'recall:write');
  const batch = await recallBatch(actor, input);
  const serials = input.serials ? [...new Set(input.serials)] : [];
  if (serials.length === 0 && batch.status === 'RECALLED' && (await hasOpenBatchRecall(batch.id))) throw alreadyRecalled();
  if (serials.length > 0) await assertSerialsOfBatch(batch.id, serials);
  const recorder = recorderOf(actor);
  const captured = buildScanCaptureEvent({
    kind: 'recall',
    epcs: serials.map((serial) => epcKey({ gtin: batch.gtin, serial })),
    classes: serials.length === 0 ? [epcKey({ gtin: batch.gtin, lot: batch.lot })] : [],
    eventTime: new Date().toISOString(),
    eventTimeZoneOffset: '+00:00',
    recorderGln: recorder.gln,
  });
  let recallId = '';
  await recordCaptureEvents(actor, [{ ...captured, recall: { class: input.class, reason: input.reason } }], {
    inTransaction: async (tx, result) => {
      const event = result.events[0];
      // The event's time is the server's clock to the millisecond: an identical event can only be a concurrent twin.
      if (!event || event.duplicate) throw new AppError('conflict', 'An identical recall was recorded at the same moment; look at the open recalls.');
      recallId = await propagateRecall(tx, { actor, recorder, batch, serials, input, eventId: event.id });
    },
  });
  const row = await loadRecallRow(getPool(), recallId, actor.orgId);
  return recallView(row!, { orgId: actor.orgId, all: can(actor, 'network:read') });
}

async function hasOpenBatchRecall(batchId: string): Promise<boolean> {
  const { rowCount } = await getPool().query(`SELECT 1 FROM recalls WHERE batch_id = $1 AND status = 'OPEN' AND cardinality(serials) = 0`, [batchId]);
  return (rowCount ?? 0) > 0;
}
