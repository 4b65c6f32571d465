import { fastCanonicalJson } from '../build/fast-canonical-json';
import type { TCaptureEvent } from '../types';
import { RefusedError } from './refused-error';
import type { TRefusal } from './rule-types';

/** An event may be at most this far ahead of the server's clock (scanner clocks drift a little, never by hours). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Times in the future, and text Postgres cannot store or JCS cannot canonicalise (NUL, lone surrogates), are refused before anything is locked. */
export function checkInputs(events: readonly TCaptureEvent[], original: readonly TCaptureEvent[]): void {
  const limit = Date.now() + FUTURE_TOLERANCE_MS;
  const refusals: TRefusal[] = [];
  events.forEach((event, index) => {
    if (Date.parse(event.input.eventTime) > limit) {
      refusals.push({ index, code: 'event_time_in_future', detail: `Event ${index}: its eventTime ${event.input.eventTime} lies in the future.` });
    }
    // Events the scan API built hold only validated codes; EPCIS events carry free text.
    if (!original[index]?.facts && !storable(event.input.document)) {
      refusals.push({ index, code: 'invalid_event_text', detail: `Event ${index}: it contains a NUL character or an unpaired surrogate, which cannot be stored.` });
    }
  });
  if (refusals.length > 0) throw new RefusedError(refusals);
}

function storable(document: unknown): boolean {
  try {
    return !fastCanonicalJson(document).includes('\\u0000');
  } catch {
    return false;
  }
}

/** A random serial drawn for a fresh commissioning that another pack already has (the primary key caught it). */
export function collidedWithFreshSerial(error: unknown, events: readonly TCaptureEvent[]): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'packs_pkey' && events.some((event) => event.fresh);
}

const RETRYABLE_CONSTRAINTS = new Set(['events_event_id_key', 'packs_pkey', 'containers_pkey']);

/**
 * A deadlock or serialization failure, or a unique violation from a
 * concurrent request that recorded the same event (or created the same
 * pack or case) first: the retry sees its commit and answers accordingly.
 */
export function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '40P01' || e.code === '40001') return true;
  return e.code === '23505' && e.constraint !== undefined && RETRYABLE_CONSTRAINTS.has(e.constraint);
}
