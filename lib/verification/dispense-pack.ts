import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordScans, RefusedError, UNDO_WINDOW_MS, ZScanRequest, type TIdempotencyKey, type TRecordResult } from '@/lib/events';
import { counterPack, refusalSentence, type TCounterPack } from './counter-pack';
import { decidePackVerdict } from './decide-verdict';
import { readCounterCode, type TCounterCode, type TGsSubstitute } from './read-counter-code';
import { readPackState } from './read-pack-state';
import type { TVerdictWord } from './types';

export type TCounterRequest = { code: string; separator?: TGsSubstitute };

export type TCounterEvent = { eventId: string; id: string; recordTime: string; duplicate: boolean };

export type TDispenseAnswer = {
  outcome: 'dispensed';
  message: string;
  pack: TCounterPack;
  event: TCounterEvent;
  /** Until when the same pharmacy may undo it (EU FMD: 10 days). */
  undoUntil: string;
};

/**
 * Verify and decommission in one action, as the EU FMD asks of a pharmacy
 * handing a pack to a patient: one dispensing event through lib/events
 * (one transaction; the custody rules decide), so no check can pass while
 * another scan of the same pack slips in between. A refusal answers with
 * its EU FMD-style reason code (already_dispensed, unknown_serial,
 * batch_mismatch, pack_expired, pack_recalled, pack_stolen, pack_destroyed,
 * not_custodian, in_transit), a sentence for the pharmacist, the public
 * verdict and the pack; lib/events has raised the alert the refusal calls
 * for. With an Idempotency-Key, a retry gets the first answer back.
 */
export async function dispensePack(actor: TActor, request: TCounterRequest, options: { idempotency?: TIdempotencyKey } = {}): Promise<TDispenseAnswer> {
  assertCan(actor, 'dispense');
  const scanned = readCounterCode(request.code, request.separator);
  const result = await recordCounterScan(actor, 'dispense', scanned, options);
  const stored = await readPackState(getPool(), scanned.gtin, scanned.serial);
  const dispensedAt = stored?.pack?.dispensedAt ?? result.recordTime;
  return {
    outcome: 'dispensed',
    message: 'Genuine pack, now dispensed: hand it to the patient.',
    pack: counterPack(scanned, stored),
    event: result,
    undoUntil: new Date(Date.parse(dispensedAt) + UNDO_WINDOW_MS).toISOString(),
  };
}

/**
 * One scan of one pack through the scan service; a refusal is rethrown in
 * the counter's words with the pack's public verdict attached.
 */
export async function recordCounterScan(actor: TActor, kind: 'dispense' | 'restock', scanned: TCounterCode, options: { idempotency?: TIdempotencyKey }): Promise<TCounterEvent> {
  try {
    const answer = await recordScans(actor, ZScanRequest.parse({ events: [{ kind, codes: [scanned.code] }] }), options);
    const recorded = (answer.body as TRecordResult).events[0];
    if (!recorded) throw new AppError('internal', 'The scan service answered without the recorded event.');
    return { eventId: recorded.eventId, id: recorded.id, recordTime: recorded.recordTime, duplicate: recorded.duplicate };
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    throw await counterRefusal(error, scanned);
  }
}

async function counterRefusal(error: RefusedError, scanned: TCounterCode): Promise<AppError> {
  const stored = await readPackState(getPool(), scanned.gtin, scanned.serial);
  const decision = decidePackVerdict(stored, scanned.facts, new Date().toISOString().slice(0, 10));
  const verdict: TVerdictWord = decision.verdict;
  const sentence = refusalSentence(error.code, stored) || error.detail.replace(/^Event 0: /, '');
  return new AppError(error.code, sentence, {
    errors: error.errors,
    extra: { outcome: 'refused', verdict, pack: counterPack(scanned, stored, { hideBatch: verdict === 'MISMATCH' || verdict === 'UNKNOWN' }) },
  });
}
