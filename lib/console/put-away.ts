import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { parseEpcisEvent } from '@/lib/epcis';
import { AppError, type TProblemItem } from '@/lib/errors';
import { recorderOf, recordCaptureEvents, type TRecordResult } from '@/lib/events';
import type { TBatchFacts } from '@/lib/events/types';
import { CANONICAL_DL_HOST, toCanonicalDigitalLinkUri, toDigitalLink } from '@/lib/gs1';
import { firstInvalidChar } from '@/lib/gs1/charset';
import { readScan } from './read-scan';

/** Items put away in one confirmation: a pallet's worth of cases, or a tote of loose packs. */
export const MAX_STATION_ITEMS = 2_000;

export const ZPutAway = z.object({
  codes: z.array(z.string().min(1).max(4096)).min(1, 'Scan at least one pack or case.').max(MAX_STATION_ITEMS),
  bin: z
    .string()
    .trim()
    .max(20, 'A storage location has at most 20 characters (GS1 AI 254).')
    .refine((v) => v === '' || firstInvalidChar(v, 'X') < 0, { error: 'Use letters, digits and - . / _ for the storage location.' })
    .optional(),
  /** Local offset of the station (the browser's), so the event reads in local time. */
  timeZoneOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/).optional(),
});
export type TPutAway = z.infer<typeof ZPutAway>;

/**
 * Put-away at a warehouse: the scanned packs and cases, which the
 * organisation holds, go into storage. Recorded as the CBV says it: an
 * ObjectEvent OBSERVE, bizStep `storing`, disposition
 * `sellable_not_accessible`, with the storage location as the business
 * location (the organisation's GLN with AI 254 extension, e.g. a bin).
 * Custody does not change; the custody rules check that the recorder holds
 * every item and that the lot and expiry printed on each pack are its
 * batch's (docs/decisions/051).
 *
 * requires: `input` parsed with ZPutAway.
 */
export async function putAway(actor: TActor, input: TPutAway): Promise<TRecordResult> {
  assertCan(actor, 'events:write');
  const { keys, facts } = readCodes(input.codes);
  const recorder = recorderOf(actor);
  const place = toDigitalLink({ gln: recorder.gln }, CANONICAL_DL_HOST);
  const event = parseEpcisEvent({
    type: 'ObjectEvent',
    eventTime: new Date().toISOString(),
    eventTimeZoneOffset: input.timeZoneOffset ?? '+00:00',
    epcList: keys.map(toCanonicalDigitalLinkUri),
    action: 'OBSERVE',
    bizStep: 'storing',
    disposition: 'sellable_not_accessible',
    readPoint: { id: place },
    bizLocation: { id: input.bin ? toDigitalLink({ gln: recorder.gln, glnExtension: input.bin }, CANONICAL_DL_HOST) : place },
  });
  return recordCaptureEvents(actor, [{ input: event, kind: 'observe', facts }]);
}

function readCodes(codes: readonly string[]): { keys: string[]; facts: Map<string, TBatchFacts> } {
  const keys = new Set<string>();
  const facts = new Map<string, TBatchFacts>();
  const problems: TProblemItem[] = [];
  codes.forEach((code, index) => {
    const read = readScan(code);
    if (!read.ok) return void problems.push({ index, pointer: `/codes/${index}`, code: 'validation_failed', detail: read.message });
    keys.add(read.key);
    if (read.kind === 'pack' && (read.lot !== undefined || read.expiry !== undefined)) facts.set(read.key, { ...(read.lot ? { lot: read.lot } : {}), ...(read.expiry ? { expiry: read.expiry } : {}) });
  });
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.detail, { errors: problems });
  return { keys: [...keys], facts };
}
