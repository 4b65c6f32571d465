import { raiseAlerts } from '@/lib/alerts';
import type { TActor } from '@/lib/auth/actor';
import { assertCan, type TPermission } from '@/lib/auth/permissions';
import { withTransaction, type Queryable } from '@/lib/db';
import type { TEventInput } from '@/lib/epcis';
import { AppError } from '@/lib/errors';
import { claimIdempotencyKey, saveIdempotentAnswer, type TIdempotencyKey, type TStoredAnswer } from '../idempotency';
import { classifyEvent } from '../kinds';
import type { TCaptureEvent, TEventKind, TOrgRef, TProgressCallback, TRecordResult } from '../types';
import { batchFactsOf } from './batch-facts';
import { recordingOpening, recordInTransaction } from './record-in-transaction';
import { checkInputs, collidedWithFreshSerial, isRetryable } from './record-guards';
import { RefusedError } from './refused-error';

export type TRecordOptions = {
  /** The EPCIS capture job the events belong to (events.capture_id). */
  captureId?: string;
  onProgress?: TProgressCallback;
  /**
   * Work that must commit or roll back with the events, run in the recording
   * transaction after they are written (lib/recalls: the recall row, packs'
   * recall_id and the holders' alerts). Throwing rolls everything back; a
   * retried transaction runs it again.
   */
  inTransaction?: (tx: Queryable, result: TRecordResult) => Promise<void>;
};

const ATTEMPTS = 4;

/**
 * Records EPCIS events (lib/epcis TEventInput, e.g. from parseEpcisDocument)
 * for the actor's organisation: all or none, in one transaction. Events
 * already recorded by the organisation (same CBV hash ID) are answered as
 * the first time and changed nothing. Throws RefusedError (an AppError) when
 * any event breaks a custody rule, after raising the alerts the refusal calls for.
 */
export async function recordEvents(actor: TActor, inputs: readonly TEventInput[], options: TRecordOptions = {}): Promise<TRecordResult> {
  const events: TCaptureEvent[] = inputs.map((input) => ({ input, kind: classifyEvent(input) }));
  return recordCaptureEvents(actor, events, options);
}

/**
 * The one recording path (scan API, commissioning, EPCIS): permission per
 * kind, the recorder's organisation, input checks, then the transaction,
 * retried on deadlock or a concurrent duplicate.
 */
export async function recordCaptureEvents(actor: TActor, events: readonly TCaptureEvent[], options: TRecordOptions = {}): Promise<TRecordResult> {
  return runRecording(actor, events, options, (result) => result);
}

/**
 * The same with an Idempotency-Key: the key is claimed and `answer(result)`
 * stored inside the recording transaction; a retry with the key gets the
 * stored answer back (lib/events/idempotency.ts).
 */
export async function recordCaptureEventsIdempotently(
  actor: TActor,
  events: readonly TCaptureEvent[],
  options: TRecordOptions,
  idempotency: TIdempotencyKey,
  answer: (result: TRecordResult) => TStoredAnswer,
): Promise<TStoredAnswer> {
  return runRecording(actor, events, options, answer, idempotency);
}

/** requires: with `idempotency`, T is TStoredAnswer. */
async function runRecording<T>(actor: TActor, events: readonly TCaptureEvent[], options: TRecordOptions, answer: (result: TRecordResult) => T, idempotency?: TIdempotencyKey): Promise<T> {
  for (const kind of new Set(events.map((e) => e.kind))) assertCan(actor, PERMISSION_OF[kind]);
  const recorder = recorderOf(actor);
  const prepared = events.map((e) => (e.facts ? e : { ...e, facts: batchFactsOf(e.input) }));
  checkInputs(prepared, events);
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(async (tx) => {
        const stored = idempotency ? await claimIdempotencyKey(tx, recorder.id, idempotency) : null;
        if (stored) return stored as T;
        const recorded = await recordInTransaction(tx, recorder, prepared, options);
        if (options.inTransaction) await options.inTransaction(tx, recorded);
        const result = answer(recorded);
        if (idempotency) await saveIdempotentAnswer(tx, recorder.id, idempotency, result as TStoredAnswer);
        return result;
      }, { opening: recordingOpening(prepared) });
    } catch (error) {
      if (error instanceof RefusedError) await raiseRefusalAlerts(recorder, error);
      if (collidedWithFreshSerial(error, prepared)) throw new AppError('already_commissioned', 'A newly drawn serial was already commissioned for this GTIN; draw again.');
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}

/** What each kind of event needs (lib/auth/permissions.ts); the organisation's role decides the rest in the rules. */
const PERMISSION_OF: Readonly<Record<TEventKind, TPermission>> = {
  commission: 'serials:commission',
  recall: 'recall:write',
  dispense: 'dispense',
  pack: 'events:write',
  unpack: 'events:write',
  ship: 'events:write',
  return: 'events:write',
  receive: 'events:write',
  restock: 'events:write',
  destroy: 'events:write',
  stolen: 'events:write',
  expire: 'events:write',
  observe: 'events:write',
  declaration: 'events:write',
};

/** The organisation events are recorded for, as the public and private records name it. */
export function recorderOf(actor: TActor): TOrgRef {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  return { id: actor.orgId, name: actor.orgName, role: actor.orgRole, gln: actor.orgGln, country: actor.orgCountry };
}

/** A refused scan's alerts outlive it: they are raised in a transaction of their own, after the rollback. */
async function raiseRefusalAlerts(recorder: TOrgRef, error: RefusedError): Promise<void> {
  if (error.alerts.length === 0) return;
  await withTransaction((tx) => raiseAlerts(tx, error.alerts.map((alert) => ({ ...alert, raisedByOrgId: recorder.id }))));
}
