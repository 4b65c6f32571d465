import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TIdempotencyKey } from '@/lib/events';
import { counterPack, type TCounterPack } from './counter-pack';
import { recordCounterScan, type TCounterEvent, type TCounterRequest } from './dispense-pack';
import { readCounterCode } from './read-counter-code';
import { readPackState } from './read-pack-state';

export type TUndoAnswer = { outcome: 'restored'; message: string; pack: TCounterPack; event: TCounterEvent };

/**
 * The EU FMD undo: a pack dispensed by mistake (or not taken by the
 * patient) goes back on the shelf, active in the pharmacy's custody. It is
 * an event of its own on the ledger, the CBV "stocking" event with
 * disposition sellable_accessible (docs/decisions/062), recorded through
 * lib/events, whose rules allow it only to the pharmacy that dispensed the
 * pack, within 10 days of the dispensing by the server's clock, and not
 * once the pack is expired or recalled (undo_not_allowed, pack_expired,
 * pack_recalled). A pack that is not dispensed has nothing to undo
 * (not_dispensed): restocking it would record a shelf event nobody asked for.
 */
export async function undoDispense(actor: TActor, request: TCounterRequest, options: { idempotency?: TIdempotencyKey } = {}): Promise<TUndoAnswer> {
  assertCan(actor, 'dispense');
  const scanned = readCounterCode(request.code, request.separator);
  const before = await readPackState(getPool(), scanned.gtin, scanned.serial);
  if (!before?.pack) throw new AppError('unknown_serial', `Pack ${scanned.gtin} / ${scanned.serial} was never commissioned, so it cannot have been dispensed.`);
  // A retry of an undo that went through finds the pack active again and is told so: nothing is recorded twice.
  if (before.pack.status !== 'DISPENSED') {
    throw new AppError('not_dispensed', `This pack is ${before.pack.status.toLowerCase()}, not dispensed: there is nothing to undo.`, { extra: { status: before.pack.status } });
  }
  const event = await recordCounterScan(actor, 'restock', scanned, options);
  const after = await readPackState(getPool(), scanned.gtin, scanned.serial);
  return { outcome: 'restored', message: 'Dispensing undone: the pack is back in your stock and may be dispensed again.', pack: counterPack(scanned, after), event };
}
