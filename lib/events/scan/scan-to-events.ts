import { AppError, type TErrorCode, type TProblemItem } from '@/lib/errors';
import { buildScanCaptureEvent, type TScanSpec } from '../build/build-scan-event';
import type { TScanEventInput } from '../schemas';
import type { TBatchFacts, TCaptureEvent } from '../types';
import { isProblem, readCode } from './read-codes';

/**
 * The scan API's events as EPCIS events (lib/events/kinds.ts says which
 * EPCIS event each kind is), with the batch facts of their codes. All code
 * problems of the request are reported at once: the problem's code is the
 * first one's (gs1_check_digit, ...), `errors` lists each with its pointer.
 *
 * requires: `events` parsed with ZScanRequest; `now` in ms.
 */
export function scanToEvents(events: readonly TScanEventInput[], recorderGln: string, now: number): TCaptureEvent[] {
  const problems: TProblemItem[] = [];
  const nowIso = new Date(now).toISOString();
  const built = events.map((event, index) => specOf(event, index, recorderGln, nowIso, problems));
  if (problems.length > 0) {
    const first = problems[0] as TProblemItem;
    throw new AppError(first.code as TErrorCode, `${first.detail}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`, { errors: problems.slice(0, 1000) });
  }
  return built.map((b) => buildScanCaptureEvent((b as TBuilt).spec, (b as TBuilt).facts.size > 0 ? (b as TBuilt).facts : undefined));
}

type TBuilt = { spec: TScanSpec; facts: Map<string, TBatchFacts> };

function specOf(event: TScanEventInput, index: number, recorderGln: string, now: string, problems: TProblemItem[]): TBuilt | null {
  const base = `/events/${index}`;
  const epcs: string[] = [];
  const classes: string[] = [];
  const facts = new Map<string, TBatchFacts>();
  const seen = new Set<string>();
  let lot: string | undefined;
  let expiry: string | undefined;
  const batchOf: { key?: string } = {};
  event.codes.forEach((code, j) => {
    const read = readCode(code, `${base}/codes/${j}`, { batches: event.kind === 'recall' });
    if (isProblem(read)) return void problems.push({ ...read, index });
    if (seen.has(read.key)) return; // the same pack scanned twice in one event is one pack
    seen.add(read.key);
    if (read.kind === 'batch') return void classes.push(read.key);
    epcs.push(read.key);
    if (read.kind !== 'pack') return;
    if (event.kind === 'commission' && !sameBatch(batchOf, read.gtin, read.facts.lot)) {
      return void problems.push({ index, pointer: `${base}/codes/${j}`, code: 'mixed_batches', detail: `${base}/codes/${j}: one commissioning event names packs of one batch; this code is of another GTIN or lot.` });
    }
    if (Object.keys(read.facts).length > 0) facts.set(read.key, read.facts);
    lot ??= read.facts.lot;
    expiry ??= read.facts.expiry;
  });
  const parent = event.parent === undefined ? undefined : readParent(event.parent, `${base}/parent`, index, problems);
  if (event.kind === 'commission' && lot === undefined) problems.push({ index, pointer: `${base}/codes`, code: 'lot_missing', detail: `${base}/codes: commissioning codes must carry the lot (AI 10).` });
  const time = eventTimeOf(event, now);
  const spec: TScanSpec = {
    kind: event.kind,
    epcs,
    parent,
    classes,
    eventTime: time.eventTime,
    eventTimeZoneOffset: time.offset,
    recorderGln,
    partnerGln: event.to ?? event.from,
    bizTransactions: event.bizTransactions,
    ilmd: event.kind === 'commission' && lot !== undefined ? { lot, expiry } : undefined,
  };
  return { spec, facts };
}

function readParent(code: string, pointer: string, index: number, problems: TProblemItem[]): string | undefined {
  const read = readCode(code, pointer);
  if (isProblem(read)) problems.push({ ...read, index });
  else if (read.kind !== 'case') problems.push({ index, pointer, code: 'validation_failed', detail: `${pointer}: the parent must be a case or pallet (an SSCC).` });
  else return read.key;
  return undefined;
}

/** True for the first pack of a commissioning event and for those of the same GTIN and lot. */
function sameBatch(batchOf: { key?: string }, gtin: string, lot: string | undefined): boolean {
  const key = `${gtin} ${lot ?? ''}`;
  batchOf.key ??= key;
  return batchOf.key === key;
}

/** eventTime as UTC with milliseconds, and the offset: given, else that of eventTime, else +00:00. */
function eventTimeOf(event: TScanEventInput, now: string): { eventTime: string; offset: string } {
  if (event.eventTime === undefined) return { eventTime: now, offset: event.eventTimeZoneOffset ?? '+00:00' };
  const suffix = /(Z|[+-]\d{2}:\d{2})$/.exec(event.eventTime)?.[1] ?? 'Z';
  return { eventTime: new Date(Date.parse(event.eventTime)).toISOString(), offset: event.eventTimeZoneOffset ?? (suffix === 'Z' ? '+00:00' : suffix) };
}
