import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { assertVerifyRate, TokenBuckets, VERIFY_RATE } from './rate-limit';

describe('TokenBuckets', () => {
  it('lets a client burst up to the capacity, then refills at the rate, and says how long to wait', () => {
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 2, maxClients: 10 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) expect(buckets.take('a', t)).toEqual({ allowed: true });
    expect(buckets.take('a', t)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('b', t)).toEqual({ allowed: true });
    expect(buckets.take('a', t + 500)).toEqual({ allowed: true });
    expect(buckets.take('a', t + 500).allowed).toBe(false);
    for (let i = 0; i < 3; i++) expect(buckets.take('a', t + 10_000).allowed).toBe(true);
  });

  it('never holds more clients than its bound, forgetting refilled buckets first', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1, maxClients: 100 });
    for (let i = 0; i < 1000; i++) buckets.take(`10.0.${i >> 8}.${i & 255}`, i * 10);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });

  it('cannot be exhausted for a busy client by a spray of other addresses', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1, maxClients: 4 });
    buckets.take('busy', 0);
    buckets.take('busy', 0);
    expect(buckets.take('busy', 0).allowed).toBe(false);
    for (let i = 0; i < 10; i++) buckets.take(`spray-${i}`, 0);
    // Forgetting a drained bucket gives it a full one: the bound trades precision for memory, never blocks anyone.
    expect(buckets.size).toBeLessThanOrEqual(4);
  });
});

describe('assertVerifyRate', () => {
  it('answers 429 rate_limited with Retry-After seconds past the burst', () => {
    const ip = '203.0.113.77';
    const t = 5_000_000;
    for (let i = 0; i < VERIFY_RATE.capacity; i++) assertVerifyRate(ip, t);
    try {
      assertVerifyRate(ip, t);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('rate_limited');
      expect(isAppError(error) && error.status).toBe(429);
      expect(isAppError(error) && error.extra?.retryAfterSeconds).toBe(1);
    }
    expect(() => assertVerifyRate('203.0.113.78', t)).not.toThrow();
  });
});
