import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TStockLine } from '@/lib/events';
import { niceScale } from './chart-scale';
import { addMonths, stockByExpiry } from './stock-by-expiry';

describe('chart scales', () => {
  it('round the maximum up to a readable number, with whole ticks from 0 that cover every value', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1234)).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (value) => {
        const { max, ticks } = niceScale(value);
        expect(max).toBeGreaterThanOrEqual(value);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]).toBe(max);
        expect(ticks.length).toBeLessThanOrEqual(11);
        expect(ticks.every((t) => Number.isInteger(t))).toBe(true);
      }),
    );
  });
});

const line = (expiry: string, available: number, blocked = { recalled: 0, expiredPacks: 0 }): TStockLine => ({
  gtin: '04098765000119', productName: 'Amoxicillin', batchId: expiry, lot: expiry, expiry, expired: false, batchRecalled: false, available, inTransit: 0, ...blocked,
});

describe('stock by expiry', () => {
  it('puts each batch into the month it expires, what has expired first, and what is beyond the horizon last', () => {
    const buckets = stockByExpiry([line('2026-01-31', 0, { recalled: 0, expiredPacks: 6 }), line('2026-11-30', 10), line('2026-12-15', 4, { recalled: 2, expiredPacks: 0 }), line('2026-12-31', 1), line('2028-05-31', 7)], '2026-11-21', 3);
    expect(buckets).toEqual([
      { key: 'expired', available: 0, blocked: 6 },
      { key: '2026-11', available: 10, blocked: 0 },
      { key: '2026-12', available: 5, blocked: 2 },
      { key: '2027-01', available: 0, blocked: 0 },
      { key: 'later', available: 7, blocked: 0 },
    ]);
  });

  it('counts every pack exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.nat(50), fc.nat(5)), { maxLength: 30 }), (specs) => {
        const lines = specs.map(([days, available, recalled]) => line(new Date(Date.parse('2025-01-01') + days * 86_400_000).toISOString().slice(0, 10), available, { recalled, expiredPacks: 0 }));
        const buckets = stockByExpiry(lines, '2026-06-15');
        const sum = (f: (b: { available: number; blocked: number }) => number) => buckets.reduce((n, b) => n + f(b), 0);
        expect(sum((b) => b.available)).toBe(specs.reduce((n, [, a]) => n + a, 0));
        expect(sum((b) => b.blocked)).toBe(specs.reduce((n, [, , r]) => n + r, 0));
      }),
    );
  });

  it('steps months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', 0)).toBe('2026-01');
    expect(addMonths('2026-12', 13)).toBe('2028-01');
  });
});
