import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseElementString } from './parse-element-string';

const today = new Date('2026-05-01T12:00:00Z');
const GS = '\u001d';
const GTIN = '09506000134352'; // GS1 Digital Link documentation's example GTIN

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const pack = { gtin: GTIN, expiryRaw: '271231', expiry: '2027-12-31', lot: 'ABC', serial: 'XYZ' };

describe('parseElementString', () => {
  it.each([
    [']d2 + FNC1-less DataMatrix', `]d201${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['no symbology identifier', `01${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['GS1 QR Code ]Q3', `]Q301${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['GS1-128 ]C1', `]C101${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['a leading FNC1 sent as GS', `${GS}01${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['serial first, lot last', `01${GTIN}21XYZ${GS}17271231` + `10ABC`],
    ['GS after a fixed-length field too', `01${GTIN}${GS}17271231${GS}10ABC${GS}21XYZ${GS}`],
    ['scanner Enter at the end', `]d201${GTIN}17271231` + `10ABC${GS}21XYZ\r\n`],
  ])('reads %s', (_, input) => {
    expect(parseElementString(input, { today })).toEqual(pack);
  });

  it('accepts configured substitutes for GS, and always 0x1D', () => {
    expect(parseElementString(`01${GTIN}17271231` + `10ABC|21XYZ`, { today, separators: ['|'] })).toEqual(pack);
    // A German keyboard layout can turn the scanner's GS into "§".
    expect(parseElementString(`01${GTIN}17271231` + `10ABC§21XYZ`, { today, separators: ['^', '§'] })).toEqual(pack);
    expect(parseElementString(`01${GTIN}17271231` + `10ABC${GS}21XYZ`, { today, separators: ['|'] })).toEqual(pack);
    // Without the option "|" is not a separator, and not a GS1 character either.
    expect(caught(() => parseElementString(`01${GTIN}10ABC|21XYZ`, { today })).code).toBe('gs1_invalid_character');
  });

  it('refuses a substitute that could occur in GS1 data', () => {
    for (const bad of ['/', '-', 'A', '', ' ', '<GS>', '#']) {
      expect(caught(() => parseElementString(`01${GTIN}`, { separators: [bad] })).code).toBe('gs1_invalid_separator');
    }
  });

  it('reads SSCC, GLN with extension, production date and other AIs', () => {
    expect(parseElementString('00106141412345678908')).toEqual({ sscc: '106141412345678908' });
    expect(parseElementString(`4140614141000012254A1`)).toEqual({ gln: '0614141000012', glnExtension: 'A1' });
    expect(parseElementString(`01${GTIN}11250300` + `10L1${GS}710PZN1234567`, { today })).toEqual({
      gtin: GTIN,
      productionDate: '2025-03',
      lot: 'L1',
      attributes: { '710': 'PZN1234567' },
    });
  });

  it('resolves expiry day 00 to the last day of the month', () => {
    expect(parseElementString(`01${GTIN}17280200`, { today })).toEqual({ gtin: GTIN, expiryRaw: '280200', expiry: '2028-02-29' });
  });

  it('tolerates the same AI twice with the same value, refuses different values', () => {
    expect(parseElementString(`01${GTIN}01${GTIN}`)).toEqual({ gtin: GTIN });
    const error = caught(() => parseElementString(`01${GTIN}10A${GS}10B`));
    expect(error.code).toBe('gs1_duplicate_ai');
    expect(error.extra).toMatchObject({ ai: '10', position: 20 });
  });

  describe('a lost separator after a variable-length field', () => {
    it('is found when the field would run into a checked AI (date, check digit)', () => {
      const error = caught(() => parseElementString(`01${GTIN}10ABC17271231`, { today }));
      expect(error.code).toBe('gs1_missing_separator');
      expect(error.extra).toEqual({ ai: '10', position: 21, nextAi: '17' });
      expect(error.detail).toContain('after "ABC"');
    });

    it('is found when the field is longer than its AI allows and the rest reads as AIs', () => {
      const serial = 'SERIAL0123456789ABCD'; // 20 characters, the maximum
      const error = caught(() => parseElementString(`01${GTIN}21${serial}10LOT7`, { today }));
      expect(error.code).toBe('gs1_missing_separator');
      expect(error.extra).toMatchObject({ ai: '21', nextAi: '10', position: 18 + 20 });
    });

    it('is not claimed for data that merely contains digits like an AI', () => {
      // Lot "L21034" holds "21034", which reads as serial "034"; that is weak
      // evidence (no check digit or date), so the lot is taken as printed.
      expect(parseElementString(`01${GTIN}17271231` + `10L21034`, { today })).toMatchObject({ lot: 'L21034' });
      // The code already carries an expiry, so "17..." in the serial is data.
      expect(parseElementString(`01${GTIN}17271231` + `21X17271231`, { today })).toMatchObject({ serial: 'X17271231' });
    });

    it('reports a field too long when no split makes sense', () => {
      const error = caught(() => parseElementString(`01${GTIN}21${'A'.repeat(21)}`));
      expect(error.code).toBe('gs1_field_too_long');
      expect(error.extra).toMatchObject({ ai: '21', length: 21, max: 20 });
    });
  });
});
