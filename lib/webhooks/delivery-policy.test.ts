import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs } from './delivery-policy';

describe('retry delays', () => {
  const policy = { ...DEFAULT_DELIVERY_POLICY, jitter: 0 };

  it('double after every failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(policy, 30)).toBe(policy.maxDelayMs);
  });

  it('add at most the jitter fraction at random', () => {
    expect(retryDelayMs({ ...policy, jitter: 0.2 }, 1, () => 0.999)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs({ ...policy, jitter: 0.2 }, 1, () => 0)).toBe(30_000);
  });

  it('retry for hours, not forever, by default', () => {
    let total = 0;
    for (let n = 1; n < DEFAULT_DELIVERY_POLICY.maxAttempts; n++) total += retryDelayMs(policy, n);
    expect(total / 3_600_000).toBeGreaterThan(10);
    expect(total / 3_600_000).toBeLessThan(24);
  });
});
