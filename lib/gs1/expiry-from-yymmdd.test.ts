import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centuryYear, expiryFromYymmdd, productionDateFromYymmdd, yymmddFromIso } from './expiry-from-yymmdd';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('GS1 century rule (General Specifications §7.12)', () => {
  // YY - CY in 51..99: previous century; -99..-50: next century; else this one.
  it.each([
    ['2026-05-01', 76, 2076, 'YY - CY = 50: still this century'],
    ['2026-05-01', 77, 1977, 'YY - CY = 51: previous century'],
    ['2026-05-01', 0, 2000, 'YY - CY = -26'],
    ['2026-05-01', 26, 2026, 'this year'],
    ['2075-01-01', 25, 2125, 'YY - CY = -50: next century'],
    ['2075-01-01', 26, 2026, 'YY - CY = -49: this century'],
    ['2099-12-31', 0, 2100, 'YY - CY = -99: next century'],
    ['2099-12-31', 49, 2149, 'YY - CY = -50 at the end of a century'],
    ['2099-12-31', 50, 2050, 'YY - CY = -49 at the end of a century'],
    ['2000-01-01', 50, 2050, 'YY - CY = 50 at the start of a century'],
    ['2000-01-01', 51, 1951, 'YY - CY = 51 at the start of a century'],
    ['2000-01-01', 99, 1999, 'YY - CY = 99'],
  ])('today %s: YY %i is %i (%s)', (today, yy, year) => {
    expect(centuryYear(yy, at(today))).toBe(year);
  });

  it('always lands within 49 years back and 50 years ahead (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2200 }), fc.integer({ min: 0, max: 99 }), (thisYear, yy) => {
        const year = centuryYear(yy, new Date(Date.UTC(thisYear, 6, 1)));
        expect(year % 100).toBe(yy);
        expect(year - thisYear).toBeGreaterThanOrEqual(-49);
        expect(year - thisYear).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('expiryFromYymmdd', () => {
  const today = at('2026-05-01');

  it.each([
    ['271231', '2027-12-31'],
    ['270200', '2027-02-28'],
    ['280200', '2028-02-29'],
    ['260400', '2026-04-30'],
    ['991200', '1999-12-31'],
    ['760101', '2076-01-01'],
    ['280229', '2028-02-29'],
  ])('%s is %s (day 00 = last day of the month)', (yymmdd, iso) => {
    expect(expiryFromYymmdd(yymmdd, today)).toBe(iso);
  });

  it.each([
    ['271331', 'month 13'],
    ['270001', 'month 00'],
    ['270230', '30 February'],
    ['270229', '29 February 2027'],
    ['270431', '31 April'],
    ['27123', 'five digits'],
    ['27-231', 'a non-digit'],
  ])('refuses %s (%s) with gs1_invalid_date', (yymmdd) => {
    expect(codeOf(() => expiryFromYymmdd(yymmdd, today))).toBe('gs1_invalid_date');
  });

  it('names the fault for people', () => {
    expect(() => expiryFromYymmdd('270230', today)).toThrow('February 2027 has 28 days');
    expect(() => expiryFromYymmdd('271331', today)).toThrow('months run from 01 to 12');
  });
});

describe('production dates and encoding dates', () => {
  const today = at('2026-05-01');

  it('keeps an unknown production day as YYYY-MM', () => {
    expect(productionDateFromYymmdd('250300', today)).toBe('2025-03');
    expect(productionDateFromYymmdd('250315', today)).toBe('2025-03-15');
    expect(yymmddFromIso('2025-03', { monthOnly: true, today })).toBe('250300');
  });

  it('refuses a year the century rule would read back as another year', () => {
    expect(yymmddFromIso('2076-01-01', { today })).toBe('760101');
    expect(codeOf(() => yymmddFromIso('2077-01-01', { today }))).toBe('gs1_invalid_date');
    expect(codeOf(() => yymmddFromIso('1976-01-01', { today }))).toBe('gs1_invalid_date');
    expect(codeOf(() => yymmddFromIso('2027-02-00', { today }))).toBe('gs1_invalid_date');
    expect(codeOf(() => yymmddFromIso('2027-2-1', { today }))).toBe('gs1_invalid_date');
  });
});
