import { getPool } from '@/lib/db';
import type { TLookupChannel, TVerdictWord } from './types';

/**
 * Every public lookup is counted in verification_lookups for the
 * counterfeit-hotspot statistics (which codes come back UNKNOWN, how often,
 * where they are checked from: page, API or saleable-returns check). No
 * caller identity is kept: no IP, no account, no user agent.
 *
 * The hot path must not wait for a write (docs/decisions/061): lookups are
 * queued in memory and written in one multi-row INSERT every
 * FLUSH_INTERVAL_MS, or sooner once FLUSH_AT_ROWS are waiting. The queue is
 * bounded: under a flood the oldest waiting rows are dropped (and counted),
 * never the lookups themselves. A lost instance loses at most one interval
 * of statistics, which is acceptable for statistics.
 */
export type TLookup = { kind: 'pack' | 'batch'; gtin: string | null; lot: string | null; serial: string | null; verdict: TVerdictWord; channel: TLookupChannel; at: Date };

export const FLUSH_INTERVAL_MS = 2_000;
const FLUSH_AT_ROWS = 500;
const MAX_QUEUED = 50_000;

type TState = { queue: TLookup[]; timer: ReturnType<typeof setInterval> | null; flushing: Promise<void> | null; dropped: number };

const holder = globalThis as unknown as { __pharmaLookupLog?: TState };
const state = (): TState => (holder.__pharmaLookupLog ??= { queue: [], timer: null, flushing: null, dropped: 0 });

/** Queues one lookup; returns at once. Values longer than their columns are cut (they are statistics, not evidence). */
export function recordLookup(lookup: Omit<TLookup, 'at'> & { at?: Date }): void {
  const s = state();
  if (s.queue.length >= MAX_QUEUED) {
    s.queue.shift();
    s.dropped++;
  }
  s.queue.push({
    ...lookup,
    gtin: lookup.gtin && /^\d{14}$/.test(lookup.gtin) ? lookup.gtin : null,
    lot: lookup.lot?.slice(0, 20) ?? null,
    serial: lookup.serial?.slice(0, 20) ?? null,
    at: lookup.at ?? new Date(),
  });
  if (!s.timer) {
    s.timer = setInterval(() => void flushLookups(), FLUSH_INTERVAL_MS);
    // The timer must not keep a CLI or a test process alive.
    s.timer.unref?.();
  }
  if (s.queue.length >= FLUSH_AT_ROWS) void flushLookups();
}

/** Writes everything queued so far (one statement per call); resolves when written. Failures are logged, not thrown. */
export async function flushLookups(): Promise<void> {
  const s = state();
  while (s.flushing) await s.flushing;
  if (s.queue.length === 0) return;
  const batch = s.queue.splice(0, s.queue.length);
  s.flushing = insertLookups(batch)
    .catch((error: unknown) => console.error(`[verification] could not write ${batch.length} lookup statistics:`, error instanceof Error ? error.message : error))
    .finally(() => {
      s.flushing = null;
    });
  await s.flushing;
}

/** Lookups dropped because the queue was full since the process started. */
export function droppedLookups(): number {
  return state().dropped;
}

async function insertLookups(batch: TLookup[]): Promise<void> {
  const column = <K extends keyof TLookup>(key: K) => batch.map((row) => row[key]);
  await getPool().query(
    `INSERT INTO verification_lookups (at, kind, gtin, lot, serial, verdict, channel)
     SELECT * FROM unnest($1::timestamptz[], $2::varchar[], $3::bpchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[])`,
    [column('at'), column('kind'), column('gtin'), column('lot'), column('serial'), column('verdict'), column('channel')],
  );
}
