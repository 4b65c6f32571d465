import { describe, expect, it } from 'vitest';
import { isSealDue, sealDueAt, type TSealState } from './seal-policy';

const policy = { intervalMs: 60_000, maxEvents: 1000 };
const t0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const at = (ms: number) => new Date(t0 + ms);

function state(values: Partial<TSealState> & { nowMs: number }): TSealState {
  return { now: at(values.nowMs), lastSealedAt: values.lastSealedAt ?? null, waiting: values.waiting ?? 0, oldestWaitingAt: values.oldestWaitingAt ?? null };
}

describe('sealDueAt', () => {
  it('is never due while nothing waits, however long ago the last seal was', () => {
    const s = state({ nowMs: 10 * 3_600_000, lastSealedAt: at(0), waiting: 0 });
    expect(sealDueAt(s, policy)).toBeNull();
    expect(isSealDue(s, policy)).toBe(false);
  });

  it('closes a period the interval after the previous one closed', () => {
    const waiting = { lastSealedAt: at(0), waiting: 3, oldestWaitingAt: at(5_000) };
    expect(sealDueAt(state({ nowMs: 10_000, ...waiting }), policy)).toEqual(at(60_000));
    expect(isSealDue(state({ nowMs: 59_999, ...waiting }), policy)).toBe(false);
    expect(isSealDue(state({ nowMs: 60_000, ...waiting }), policy)).toBe(true);
  });

  it('before the first seal, counts the interval from the first waiting event', () => {
    const first = { waiting: 1, oldestWaitingAt: at(30_000) };
    expect(isSealDue(state({ nowMs: 89_999, ...first }), policy)).toBe(false);
    expect(isSealDue(state({ nowMs: 90_000, ...first }), policy)).toBe(true);
  });

  it('is due at once when maxEvents wait, whatever the interval', () => {
    const full = state({ nowMs: 1_000, lastSealedAt: at(0), waiting: 1000, oldestWaitingAt: at(100) });
    expect(sealDueAt(full, policy)).toEqual(at(1_000));
    expect(isSealDue(full, policy)).toBe(true);
    expect(isSealDue({ ...full, waiting: 999 }, policy)).toBe(false);
  });

  it('after a quiet spell, an arriving event is overdue and sealed at the next look', () => {
    expect(isSealDue(state({ nowMs: 3_600_000, lastSealedAt: at(0), waiting: 1, oldestWaitingAt: at(3_599_000) }), policy)).toBe(true);
  });
});
