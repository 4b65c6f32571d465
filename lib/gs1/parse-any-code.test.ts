import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseAnyCode } from './parse-any-code';

const today = new Date('2026-05-01T12:00:00Z');
const GTIN = '09506000134352';
const GS = '\u001d';
const pack = { gtin: GTIN, lot: 'ABC', serial: 'XYZ', expiryRaw: '271231', expiry: '2027-12-31' };

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseAnyCode', () => {
  it.each([
    ['element-string', `]d201${GTIN}17271231` + `10ABC${GS}21XYZ`],
    ['element-string', `01${GTIN}17271231` + `10ABC${GS}21XYZ\n`],
    ['bracketed', ' (01)09506000134352(17)271231(10)ABC(21)XYZ '],
    ['digital-link', `https://example.org/01/${GTIN}/10/ABC/21/XYZ?17=271231`],
    ['digital-link', `]Q1https://example.org/01/${GTIN}/10/ABC/21/XYZ?17=271231`],
    ['digital-link', `example.org/01/${GTIN}/10/ABC/21/XYZ?17=271231`],
  ])('recognises a %s: %s', (form, input) => {
    expect(parseAnyCode(input, { today })).toEqual({ form, fields: pack, kind: 'sgtin' });
  });

  it('recognises an EPC URN and plain GTINs of every length', () => {
    expect(parseAnyCode('urn:epc:id:sgtin:9506000.013435.XYZ')).toEqual({ form: 'epc-urn', fields: { gtin: GTIN, serial: 'XYZ' }, kind: 'sgtin' });
    for (const gtin of ['96385074', '614141123452', '9506000134352', GTIN]) {
      expect(parseAnyCode(gtin)).toMatchObject({ form: 'gtin', kind: 'gtin-class' });
    }
    expect(parseAnyCode(GTIN).fields.gtin).toBe(GTIN);
  });

  it('tells a batch ID (GTIN + lot, no serial) from a pack code', () => {
    for (const input of [`(01)${GTIN}(10)ABC`, `https://example.org/01/${GTIN}/10/ABC`, `01${GTIN}10ABC`, 'urn:epc:class:lgtin:9506000.013435.ABC']) {
      expect(parseAnyCode(input).kind, input).toBe('lgtin');
    }
    expect(parseAnyCode('(00)106141412345678908').kind).toBe('sscc');
    expect(parseAnyCode(`(01)${GTIN}(00)106141412345678908`).kind).toBeUndefined();
  });

  it.each([
    ['nothing', 'gs1_empty_input', ''],
    ['white space', 'gs1_empty_input', ' \t\r\n'],
    ['words', 'gs1_unrecognised', 'hello world'],
    ['a product name', 'gs1_unrecognised', 'Paracetamol 500 mg'],
    ['eleven digits', 'gs1_unknown_ai', '09506000134'],
    ['a GTIN-14 with a wrong check digit', 'gs1_check_digit', '09506000134353'],
    ['a plain DataMatrix symbology identifier', 'gs1_unrecognised', ']d1ABC'],
    ['10 kB of junk', 'gs1_unrecognised', 'x'.repeat(10_000)],
  ])('%s fails with %s', (_, code, input) => {
    expect(caught(() => parseAnyCode(input, { today })).code).toBe(code);
  });

  it('explains which forms it accepts', () => {
    expect(caught(() => parseAnyCode('hello')).detail).toMatch(/\(01\).*Digital Link.*urn:epc:id:sgtin.*GTIN of 8, 12, 13 or 14 digits/);
  });
});
