import type { TCheck } from './bundle-types';
import { isVerificationError } from './verification-error';

/** A passed check. */
export function pass<Id extends string>(id: Id, label: string, values?: { computed?: string; detail?: string }): TCheck<Id> {
  return { id, ok: true, label, ...values };
}

/** A failed check with the values that disagreed. */
export function fail<Id extends string>(id: Id, label: string, detail: string, values?: { expected?: string; computed?: string }): TCheck<Id> {
  return { id, ok: false, label, detail, ...values };
}

/**
 * Runs one check. Anything it throws becomes a failure of that check alone,
 * carrying a VerificationError's expected and computed values, so the other
 * checks still run and report.
 */
export function runCheck<Id extends string>(id: Id, failLabel: string, check: () => TCheck<Id>): TCheck<Id> {
  try {
    return check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const values = isVerificationError(error) ? { expected: error.expected, computed: error.computed } : {};
    return fail(id, failLabel, detail, dropUndefined(values));
  }
}

function dropUndefined(values: { expected?: string; computed?: string }): { expected?: string; computed?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** 1234567 -> "1,234,567" (independent of the reader's locale, for stable labels). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 event", "2 events"; "1 entry", "2 entries" with the plural given. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
