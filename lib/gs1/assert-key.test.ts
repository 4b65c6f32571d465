import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { assertGln, assertGtin, assertSscc, isValidGln, isValidGtin, isValidSscc, normaliseGtin } from './assert-key';

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('GS1 keys', () => {
  it('normalises GTIN-8, -12, -13 and -14 to 14 digits', () => {
    expect(normaliseGtin('96385074')).toBe('00000096385074');
    expect(normaliseGtin('614141123452')).toBe('00614141123452');
    expect(normaliseGtin('9506000134352')).toBe('09506000134352');
    expect(normaliseGtin(' 09506000134352 ')).toBe('09506000134352');
  });

  it('says which check digit is right', () => {
    const error = caught(() => assertGtin('09506000134353', "the product's GTIN"));
    expect(error.code).toBe('gs1_check_digit');
    expect(error.extra).toMatchObject({ identifier: 'GTIN', expected: '2', found: '3' });
    expect(error.detail).toBe("The product's GTIN 09506000134353 has check digit 3; the right check digit is 2. It is mistyped or not genuine.");
  });

  it.each([
    ['0950600013435X', 'gs1_invalid_character'],
    ['1234567', 'gs1_field_too_short'],
    ['1234567890', 'gs1_invalid_length'],
    ['123456789012345', 'gs1_field_too_long'],
    ['', 'gs1_field_too_short'],
  ])('GTIN %s fails with %s', (gtin, code) => {
    expect(caught(() => normaliseGtin(gtin)).code).toBe(code);
  });

  it('checks GLN and SSCC', () => {
    expect(assertGln('0614141000012')).toBe('0614141000012');
    expect(assertSscc('106141412345678908')).toBe('106141412345678908');
    expect(caught(() => assertGln('0614141000013')).extra).toMatchObject({ identifier: 'GLN', expected: '2' });
    expect(caught(() => assertSscc('106141412345678909')).extra).toMatchObject({ identifier: 'SSCC', expected: '8' });
    expect(caught(() => assertGln('614141000012')).code).toBe('gs1_field_too_short');
  });

  it('has boolean forms', () => {
    expect([isValidGtin('09506000134352'), isValidGtin('96385074'), isValidGtin('09506000134353'), isValidGtin('1234567890')]).toEqual([true, true, false, false]);
    expect([isValidGln('0614141000012'), isValidGln('0614141000013')]).toEqual([true, false]);
    expect([isValidSscc('106141412345678908'), isValidSscc('06141412345678908')]).toEqual([true, false]);
  });
});
