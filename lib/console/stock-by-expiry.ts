import type { TStockLine } from '@/lib/events';

export type TExpiryBucket = {
  /** YYYY-MM, or 'expired' for what is past its date, or 'later' beyond the horizon. */
  key: string;
  available: number;
  /** Held but blocked: recalled, or expired. */
  blocked: number;
};

/**
 * Stock by month of expiry, for the "stock by expiry" chart: one bucket for
 * what has expired, one per month from the current one over `months`, and
 * one for everything later. Available packs and blocked ones (recalled or
 * expired: they must not move on to patients) are counted apart.
 *
 * requires: `today` is YYYY-MM-DD; lines come from lib/events getStock.
 */
export function stockByExpiry(lines: readonly TStockLine[], today: string, months = 12): TExpiryBucket[] {
  const first = today.slice(0, 7);
  const keys = Array.from({ length: months }, (_, i) => addMonths(first, i));
  const buckets = new Map<string, TExpiryBucket>([['expired', { key: 'expired', available: 0, blocked: 0 }], ...keys.map((k) => [k, { key: k, available: 0, blocked: 0 }] as const), ['later', { key: 'later', available: 0, blocked: 0 }]]);
  for (const line of lines) {
    const month = line.expiry.slice(0, 7);
    const key = line.expiry < today ? 'expired' : month > (keys[keys.length - 1] as string) ? 'later' : month;
    const bucket = buckets.get(key) as TExpiryBucket;
    bucket.available += line.available;
    bucket.blocked += line.recalled + line.expiredPacks;
  }
  return [...buckets.values()];
}

/** "2026-11" plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
