import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseBracketed } from './parse-bracketed';
import { toBracketed } from './to-bracketed';

const today = new Date('2026-05-01T12:00:00Z');
const pack = { gtin: '09506000134352', expiryRaw: '271231', expiry: '2027-12-31', lot: 'ABC', serial: 'XYZ' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseBracketed', () => {
  it.each([
    '(01)09506000134352(17)271231(10)ABC(21)XYZ',
    '(01)09506000134352 (17)271231 (10)ABC (21)XYZ',
    '  (01) 09506000134352  (21) XYZ (10) ABC (17) 271231 ',
  ])('reads %s', (input) => {
    expect(parseBracketed(input, { today })).toEqual(pack);
  });

  it('keeps brackets that are data, and reads "\\(" as a literal bracket', () => {
    expect(parseBracketed('(01)09506000134352(10)A(B)C', { today })).toMatchObject({ lot: 'A(B)C' });
    expect(parseBracketed('(01)09506000134352(10)X\\(21)Y(21)Z', { today })).toMatchObject({ lot: 'X(21)Y', serial: 'Z' });
    expect(toBracketed({ gtin: '09506000134352', lot: 'X(21)Y', serial: 'Z' })).toBe('(01)09506000134352(10)X\\(21)Y(21)Z');
  });

  it.each([
    ['(01)09506000134353', 'gs1_check_digit'],
    ['(01)0950600013435', 'gs1_field_too_short'],
    ['(01)095060001343520', 'gs1_field_too_long'],
    ['(01)09506000134352(55)1', 'gs1_unknown_ai'],
    ['(01)09506000134352(10)AB C', 'gs1_invalid_character'],
    ['(01)09506000134352(17)271301', 'gs1_invalid_date'],
    ['(01)09506000134352(10)', 'gs1_field_too_short'],
    ['(10)ABC', 'gs1_missing_ai'],
    ['01)09506000134352', 'gs1_unrecognised'],
    ['', 'gs1_empty_input'],
  ])('%s fails with %s', (input, code) => {
    expect(codeOf(() => parseBracketed(input, { today }))).toBe(code);
  });
});
