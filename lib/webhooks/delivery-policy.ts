/**
 * How hard the sender tries. A failed delivery is tried again after
 * baseDelayMs x 2^(attempt-1) (capped at maxDelayMs, with up to `jitter` of
 * it added at random so that receivers coming back up are not hit by every
 * sender at once) until maxAttempts, then marked FAILED: visible in the
 * delivery log, where an admin can send it again. With the defaults a
 * delivery is retried for about 15 hours.
 */
export type TDeliveryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1: fraction of the delay added at random. */
  jitter: number;
  /** Deadline of one HTTP exchange. */
  timeoutMs: number;
  /** How long a claimed delivery is reserved for the sender that claimed it (longer than timeoutMs): a crashed sender's claim expires. */
  leaseMs: number;
  /** Webhooks served at the same time by one sender. */
  concurrency: number;
  /** Deliveries sent to one webhook in one pass, at most (others get their turn). */
  perWebhook: number;
};

export const DEFAULT_DELIVERY_POLICY: TDeliveryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60 * 1000,
  jitter: 0.2,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  concurrency: 4,
  perWebhook: 50,
};

/** The pause before attempt number `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(policy: TDeliveryPolicy, attempts: number, random = Math.random): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 + policy.jitter * random()));
}
