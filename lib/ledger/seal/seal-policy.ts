import { getEnv } from '@/lib/env';

/**
 * When a period closes: every `intervalMs` after the previous one closed, or
 * as soon as `maxEvents` events wait, whichever comes first, and only when
 * at least one event waits. A period holds at most `maxEvents` events, so a
 * backlog is sealed as several full periods in a row.
 */
export type TSealPolicy = { intervalMs: number; maxEvents: number };

/** What the timer decides from; times are the database's clock, shared by every process. */
export type TSealState = {
  now: Date;
  /** When the latest period was sealed (null before the first). */
  lastSealedAt: Date | null;
  /** Events waiting to be sealed, counted up to maxEvents. */
  waiting: number;
  /** record_time of the first waiting event (null when none waits). */
  oldestWaitingAt: Date | null;
};

export function sealPolicyFromEnv(): TSealPolicy {
  const env = getEnv();
  return { intervalMs: env.SEAL_INTERVAL_SECONDS * 1000, maxEvents: env.SEAL_MAX_EVENTS };
}

/**
 * When the next period is due, or null when nothing waits. The interval
 * runs from the previous seal (before the first seal, from the first event
 * recorded), so an event arriving after a quiet spell is sealed at once: its
 * period is already overdue.
 */
export function sealDueAt(state: TSealState, policy: TSealPolicy): Date | null {
  if (state.waiting === 0) return null;
  if (state.waiting >= policy.maxEvents) return state.now;
  const since = state.lastSealedAt ?? state.oldestWaitingAt ?? state.now;
  return new Date(since.getTime() + policy.intervalMs);
}

export function isSealDue(state: TSealState, policy: TSealPolicy): boolean {
  const dueAt = sealDueAt(state, policy);
  return dueAt !== null && dueAt.getTime() <= state.now.getTime();
}
