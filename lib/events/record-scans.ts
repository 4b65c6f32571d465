import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import type { TIdempotencyKey, TStoredAnswer } from './idempotency';
import { recorderOf, recordCaptureEvents, recordCaptureEventsIdempotently } from './record/record-events';
import { scanToEvents } from './scan/scan-to-events';
import type { TScanRequest } from './schemas';
import type { TRecordResult } from './types';

/**
 * POST /api/v1/scans: scans as the UI and barcode scanners send them,
 * recorded as EPCIS events through the one recording path, all or none.
 * Answers 201 with each event's ID (retried events answer as the first
 * time, marked duplicate). With an Idempotency-Key, the first answer is
 * stored and given back to a retry.
 *
 * requires: `request` parsed with ZScanRequest.
 */
export async function recordScans(actor: TActor, request: TScanRequest, options: { idempotency?: TIdempotencyKey } = {}): Promise<TStoredAnswer> {
  assertCan(actor, 'events:write');
  const recorder = recorderOf(actor);
  const events = scanToEvents(request.events, recorder.gln, Date.now());
  const answer = (result: TRecordResult): TStoredAnswer => ({ status: 201, body: result });
  if (options.idempotency) return recordCaptureEventsIdempotently(actor, events, {}, options.idempotency, answer);
  return answer(await recordCaptureEvents(actor, events));
}
