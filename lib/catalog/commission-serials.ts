import type { TOrgActor } from '@/lib/auth/actor';
import { buildScanCaptureEvent } from '@/lib/events/build/build-scan-event';
import type { TIdempotencyKey, TStoredAnswer } from '@/lib/events/idempotency';
import { encodeSerial } from '@/lib/events/record/load-state';
import { recorderOf, recordCaptureEvents, recordCaptureEventsIdempotently } from '@/lib/events/record/record-events';
import type { TProgressCallback, TRecordResult } from '@/lib/events/types';
import type { TOwnBatch } from './own-batch';

export type TCommissioned = {
  batchId: string;
  gtin: string;
  lot: string;
  /** The one commissioning event (ObjectEvent ADD, bizStep commissioning). */
  eventId: string;
  id: string;
  recordTime: string;
  count: number;
  /** True when this exact commissioning was already recorded (a retry). */
  duplicate: boolean;
};

export type TCommissionOptions = { onProgress?: TProgressCallback; idempotency?: TIdempotencyKey; eventTime?: string; eventTimeZoneOffset?: string };

/** `fresh`: the serials were just drawn at random and are not looked up first (see TCaptureEvent.fresh). */
type TInternal = { fresh?: boolean };

/**
 * Records ONE commissioning event for `serials` of the batch through the
 * events service (lib/events), which creates the packs: the manufacturer
 * holds them, active. Used by random commissioning and by serial import.
 * `withSerials` decides whether the answer lists the serials.
 */
export async function commissionSerials(actor: TOrgActor, batch: TOwnBatch, serials: readonly string[], options: TCommissionOptions & TInternal, withSerials: boolean): Promise<TCommissioned & { serials?: string[] }> {
  options.onProgress?.({ stage: 'preparing', fraction: 0.02 });
  const recorder = recorderOf(actor);
  const event = buildScanCaptureEvent({
    kind: 'commission',
    epcs: serials.map((serial) => `01/${batch.gtin}/21/${encodeSerial(serial)}`),
    eventTime: options.eventTime ?? new Date().toISOString(),
    eventTimeZoneOffset: options.eventTimeZoneOffset ?? '+00:00',
    recorderGln: recorder.gln,
    ilmd: { lot: batch.lot, expiry: batch.expiry },
  });
  options.onProgress?.({ stage: 'preparing', fraction: 0.08 });
  const events = [{ ...event, fresh: options.fresh === true }];
  const answer = (result: TRecordResult) => {
    const event = result.events[0]!;
    const body = { batchId: batch.id, gtin: batch.gtin, lot: batch.lot, eventId: event.eventId, id: event.id, recordTime: event.recordTime, count: serials.length, duplicate: event.duplicate };
    return { status: 201, body: withSerials ? { ...body, serials: [...serials] } : body };
  };
  const stored: TStoredAnswer = options.idempotency
    ? await recordCaptureEventsIdempotently(actor, events, { onProgress: options.onProgress }, options.idempotency, answer)
    : answer(await recordCaptureEvents(actor, events, { onProgress: options.onProgress }));
  return stored.body as TCommissioned & { serials?: string[] };
}
