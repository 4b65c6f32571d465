import { describe, expect, it } from 'vitest';
import { isIsoDate, isTimeZoneOffset, readDateTime } from './date-time';

describe('readDateTime', () => {
  it('gives the instant in UTC with three decimals', () => {
    const cases: [string, string][] = [
      ['2005-04-03T20:33:31.116000-06:00', '2005-04-04T02:33:31.116Z'],
      ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
      ['2026-01-02T03:04:05.1+01:00', '2026-01-02T02:04:05.100Z'],
      ['2026-01-02t03:04:05z', '2026-01-02T03:04:05.000Z'],
      ['2024-02-29T23:30:00-14:00', '2024-03-01T13:30:00.000Z'],
      ['0001-01-01T00:30:00+00:00', '0001-01-01T00:30:00.000Z'],
    ];
    for (const [input, utc] of cases) expect(readDateTime(input)).toEqual({ ok: true, utc });
  });

  it('rounds the third decimal up when the fourth is 5-9, carrying into the seconds', () => {
    expect(readDateTime('2023-01-18T11:04:03.1415Z')).toEqual({ ok: true, utc: '2023-01-18T11:04:03.142Z' });
    expect(readDateTime('2023-01-18T11:04:03.1414999Z')).toEqual({ ok: true, utc: '2023-01-18T11:04:03.141Z' });
    expect(readDateTime('2023-12-31T23:59:59.9995Z')).toEqual({ ok: true, utc: '2024-01-01T00:00:00.000Z' });
  });

  it('refuses a time without a time zone, saying so', () => {
    expect(readDateTime('2026-01-02T03:04:05.000')).toEqual({ ok: false, reason: expect.stringContaining('has no time zone offset') });
  });

  it('refuses impossible dates, offsets and formats', () => {
    for (const input of ['2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:60Z', '2026-01-01T00:00:00+25:00', '2026-01-01T00:00:00+14:30', '2026-01-01T00:00:00+0100', '2026-01-01 00:00:00Z', '26-01-01T00:00:00Z', '', '0000-01-01T00:00:00+01:00']) {
      expect(readDateTime(input).ok, input).toBe(false);
    }
  });
});

describe('isTimeZoneOffset', () => {
  it('accepts ±hh:mm from -14:00 to +14:00, as GS1 schema does', () => {
    for (const ok of ['+00:00', '-00:00', '+01:00', '-06:00', '+05:45', '+13:59', '+14:00', '-14:00']) expect(isTimeZoneOffset(ok), ok).toBe(true);
    for (const bad of ['Z', '+25:00', '+14:01', '+1:00', '01:00', '+01:60', '+0100', '', ' +01:00']) expect(isTimeZoneOffset(bad), bad).toBe(false);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect([isIsoDate('2028-06-30'), isIsoDate('2028-02-29'), isIsoDate('2027-02-29'), isIsoDate('2028-6-30'), isIsoDate('2028-06-31')]).toEqual([true, true, false, false, false]);
  });
});
