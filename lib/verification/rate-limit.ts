import { AppError } from '@/lib/errors';

/**
 * Per-client token buckets for the public verification surface (GET
 * /api/v1/verify and the page). In memory, per instance, on purpose: the
 * hot path must not write to the database for every lookup (sign-in
 * throttling, which must hold across instances, uses the shared table
 * instead, docs/decisions/010). With n instances behind a balancer a
 * client gets at most n times the rate, which is what this guard is for:
 * keeping one client from drowning the service, not metering it.
 *
 * Each client may burst up to `capacity` lookups and then `refillPerSecond`
 * more per second. Buckets that have refilled completely are forgotten when
 * the table grows, so a spray of addresses cannot exhaust memory.
 */
export type TBucketRules = { capacity: number; refillPerSecond: number; maxClients: number };

export const VERIFY_RATE: TBucketRules = { capacity: 120, refillPerSecond: 4, maxClients: 100_000 };

type TBucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, TBucket>();

  constructor(private readonly rules: TBucketRules) {}

  /** Takes one token for `client`; when none is left, says how many seconds until one is. */
  take(client: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.refilled(client, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.rules.refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(client: string, now: number): TBucket {
    const existing = this.buckets.get(client);
    if (existing) {
      existing.tokens = Math.min(this.rules.capacity, existing.tokens + ((now - existing.at) / 1000) * this.rules.refillPerSecond);
      existing.at = now;
      return existing;
    }
    if (this.buckets.size >= this.rules.maxClients) this.forgetFull(now);
    const bucket = { tokens: this.rules.capacity, at: now };
    this.buckets.set(client, bucket);
    return bucket;
  }

  /** Drops buckets that are full again (equivalent to new ones); if none are, the oldest half. */
  private forgetFull(now: number): void {
    const fullAfterMs = (this.rules.capacity / this.rules.refillPerSecond) * 1000;
    for (const [client, bucket] of this.buckets) if (now - bucket.at >= fullAfterMs) this.buckets.delete(client);
    if (this.buckets.size < this.rules.maxClients) return;
    let drop = Math.ceil(this.buckets.size / 2);
    for (const client of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(client);
    }
  }
}

const holder = globalThis as unknown as { __pharmaVerifyBuckets?: TokenBuckets };

/**
 * One token for a public lookup from `ip`, or 429 rate_limited with the
 * wait (withApi turns retryAfterSeconds into Retry-After). Clients whose
 * address is unknown share one bucket: better than none.
 */
export function assertVerifyRate(ip: string | null, now = Date.now()): void {
  holder.__pharmaVerifyBuckets ??= new TokenBuckets(VERIFY_RATE);
  const result = holder.__pharmaVerifyBuckets.take(ip ?? 'unknown', now);
  if (!result.allowed) {
    const wait = result.retryAfterSeconds;
    throw new AppError('rate_limited', `Too many checks from your network. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`, { extra: { retryAfterSeconds: wait } });
  }
}
