import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { epcKeyFromIdentifier } from './epc-key';
import { parseAnyCode } from './parse-any-code';
import { parseBracketed } from './parse-bracketed';
import { parseDigitalLink } from './parse-digital-link';
import { parseElementString } from './parse-element-string';
import { parseEpcKey } from './parse-epc-key';
import { parseEpcUrn } from './parse-epc-urn';

const today = new Date('2026-05-01T12:00:00Z');
const GTIN = '09506000134352';
const GS = '\u001d';

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

// Every kind of fault, in every form, with the exact code and the facts a
// client needs to point at it.
describe.each([
  ['element string', (s: string) => parseElementString(s, { today })],
  ['any code', (s: string) => parseAnyCode(s, { today })],
])('malformed element strings, read as %s', (_, parse) => {
  it.each([
    ['bad check digit', `01${GTIN.slice(0, -1)}3`, 'gs1_check_digit', { ai: '01', expected: '2', found: '3' }],
    ['unknown AI', `01${GTIN}5512`, 'gs1_unknown_ai', { ai: '55', position: 16 }],
    ['unknown 4-digit AI', `01${GTIN}7999X`, 'gs1_unknown_ai', { ai: '7999', position: 16 }],
    ['missing GS after the lot', `01${GTIN}10ABC17271231`, 'gs1_missing_separator', { ai: '10', position: 21, nextAi: '17' }],
    ['lot too long', `01${GTIN}10${'L'.repeat(21)}`, 'gs1_field_too_long', { ai: '10', length: 21 }],
    ['month 13', `01${GTIN}17271301`, 'gs1_invalid_date', { ai: '17', position: 18 }],
    ['30 February', `01${GTIN}17270230`, 'gs1_invalid_date', { ai: '17' }],
    ['a space in the serial', `01${GTIN}21AB CD`, 'gs1_invalid_character', { ai: '21', position: 20, character: ' ' }],
    ['a "#" in the lot', `01${GTIN}10AB#`, 'gs1_invalid_character', { ai: '10', character: '#' }],
    ['unicode in the serial', `01${GTIN}21ÄBC`, 'gs1_invalid_character', { ai: '21', character: 'Ä' }],
    ['an emoji in the serial', `01${GTIN}21A💊`, 'gs1_invalid_character', { ai: '21', position: 19, character: '💊' }],
    ['a control character', `01${GTIN}21A\u0007B`, 'gs1_invalid_character', { ai: '21', character: '\u0007' }],
    ['truncated GTIN', `01${GTIN.slice(0, 9)}`, 'gs1_field_too_short', { ai: '01', length: 9 }],
    ['truncated expiry', `01${GTIN}172712`, 'gs1_field_too_short', { ai: '17' }],
    ['GS inside a fixed field', `01${GTIN.slice(0, 6)}${GS}${GTIN.slice(6)}`, 'gs1_field_too_short', { ai: '01' }],
    ['an AI without data', `01${GTIN}21`, 'gs1_field_too_short', { ai: '21' }],
    ['an incomplete AI at the end', `01${GTIN}2`, 'gs1_unknown_ai', { ai: '2', position: 16 }],
    ['a serial without GTIN', '21XYZ', 'gs1_missing_ai', { ai: '21' }],
    ['two different lots', `01${GTIN}10A${GS}10B`, 'gs1_duplicate_ai', { ai: '10' }],
    ['a non-GS1 symbology identifier', ']d1010950600013435', 'gs1_unrecognised', {}],
    ['only a symbology identifier', ']d2', 'gs1_empty_input', {}],
  ])('%s', (_label, input, code, extra) => {
    const error = caught(() => parse(input));
    expect(error.code).toBe(code);
    expect(error.status).toBe(422);
    expect(error.extra ?? {}).toMatchObject(extra);
    expect(error.detail.length).toBeGreaterThan(20);
  });
});

describe('malformed input in the other forms', () => {
  it.each([
    ['bracketed: bad check digit', () => parseBracketed('(00)106141412345678909'), 'gs1_check_digit'],
    ['bracketed: unicode', () => parseBracketed(`(01)${GTIN}(10)ÅBC`), 'gs1_invalid_character'],
    ['bracketed: truncated', () => parseBracketed(`(01)${GTIN}(17)2712`), 'gs1_field_too_short'],
    ['bracketed: unclosed AI, read as part of the GTIN', () => parseBracketed(`(01)${GTIN}(17`), 'gs1_field_too_long'],
    ['Digital Link: unicode host', () => parseDigitalLink(`https://exämple.org/01/${GTIN}`), 'gs1_invalid_digital_link'],
    ['Digital Link: unicode value', () => parseDigitalLink(`https://e.org/01/${GTIN}/21/Ä`), 'gs1_invalid_character'],
    ['Digital Link: impossible date', () => parseDigitalLink(`https://e.org/01/${GTIN}?17=270231`), 'gs1_invalid_date'],
    ['URN: bad check digit cannot happen, wrong digit count can', () => parseEpcUrn('urn:epc:id:sscc:0614141.123456789'), 'gs1_invalid_urn'],
    ['URN: unicode serial', () => parseEpcUrn('urn:epc:id:sgtin:0614141.107346.Ä'), 'gs1_invalid_urn'],
    ['key: not canonical', () => parseEpcKey(`01/${GTIN}/10/L/21/S`), 'gs1_invalid_epc_key'],
    ['identifier: element string', () => epcKeyFromIdentifier(`01${GTIN}`), 'gs1_unrecognised'],
  ])('%s', (_label, fn, code) => {
    expect(caught(fn).code).toBe(code);
  });
});

describe('hostile input', () => {
  it('10 kB of junk in every parser fails fast with a gs1_* error', () => {
    const junk = [
      'x'.repeat(10_000),
      '1'.repeat(10_000),
      `10${'1017'.repeat(2_500)}`,
      `(10)${'('.repeat(10_000)}`,
      `https://e.org/01/${GTIN}/21/${'%41'.repeat(3_000)}`,
      `urn:epc:id:sgtin:0614141.107346.${'.'.repeat(10_000)}`,
      '💊'.repeat(5_000),
    ];
    const parsers = [parseAnyCode, (s: string) => parseElementString(s), parseBracketed, parseDigitalLink, parseEpcUrn, parseEpcKey, epcKeyFromIdentifier];
    for (const input of junk) for (const parse of parsers) expect(caught(() => parse(input)).code).toMatch(/^gs1_/);
  });

  it('any string either parses or fails with a gs1_* AppError, never anything else (property)', () => {
    const inputs = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789()]d2Q3%/.:\u001d|AZaz'), maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 60 }),
      fc.string({ maxLength: 40 }).map((s) => `https://e.org/01/${GTIN}/${s}`),
      fc.string({ maxLength: 40 }).map((s) => `urn:epc:id:sgtin:${s}`),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        try {
          parseAnyCode(input, { today, separators: ['|'] });
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toMatch(/^gs1_/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
