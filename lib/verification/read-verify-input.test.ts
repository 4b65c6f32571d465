import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { toBracketed, toDigitalLink, toElementString, toLgtinUrn, toSgtinUrn } from '@/lib/gs1';
import { readExpiryInput } from './read-expiry-input';
import { readVerifyInput } from './read-verify-input';

const GTIN = '04098765000119';
const today = new Date('2026-03-01T00:00:00Z');
const read = (input: Parameters<typeof readVerifyInput>[0]) => readVerifyInput(input, { today });
const pack = { kind: 'pack', gtin: GTIN, serial: '7K3M9QX2PZ4D', key: `01/${GTIN}/21/7K3M9QX2PZ4D` };

describe('readVerifyInput', () => {
  it('reads a pack from every form a person may have, with the lot and expiry the box carries', () => {
    const fields = { gtin: GTIN, lot: 'AMX2401', expiry: '2027-03-31', serial: '7K3M9QX2PZ4D' };
    const scanned = { lot: 'AMX2401', expiry: '2027-03-31' };
    for (const code of [toBracketed(fields), toElementString(fields, { symbologyIdentifier: true }), toDigitalLink(fields, 'https://x.example'), `  ${toBracketed(fields)}\n`]) {
      expect(read({ code }), code).toEqual({ ...pack, scanned });
    }
    expect(read({ code: toSgtinUrn(GTIN, '7K3M9QX2PZ4D', 7) })).toEqual({ ...pack, scanned: {} });
  });

  it('reads a batch ID in every form, and a lot typed beside a product picked from a list', () => {
    const batch = { kind: 'batch', gtin: GTIN, lot: 'AMX2401', key: `01/${GTIN}/10/AMX2401`, scanned: {} };
    expect(read({ code: `(01)${GTIN}(10)AMX2401` })).toEqual(batch);
    expect(read({ code: toLgtinUrn(GTIN, 'AMX2401', 7) })).toEqual(batch);
    expect(read({ code: `https://x.example/01/${GTIN}/10/AMX2401` })).toEqual(batch);
    expect(read({ gtin: GTIN, lot: ' AMX2401 ' })).toEqual(batch);
    expect(read({ code: GTIN, lot: 'AMX2401' })).toEqual(batch);
  });

  it('reads separate fields, expiry as printed by day or by month', () => {
    expect(read({ gtin: '4098765000119', serial: '7K3M9QX2PZ4D', lot: 'AMX2401', expiry: '270331' })).toEqual({ ...pack, scanned: { lot: 'AMX2401', expiry: '2027-03-31' } });
    expect(read({ gtin: GTIN, serial: '7K3M9QX2PZ4D', expiry: '03/2027' })).toEqual({ ...pack, scanned: { expiryMonth: '2027-03' } });
  });

  it('refuses what is not a pack or batch, or says what is missing', () => {
    const code = (input: Parameters<typeof readVerifyInput>[0]) => {
      try {
        read(input);
        return 'read';
      } catch (error) {
        return isAppError(error) ? error.code : 'threw';
      }
    };
    expect(code({})).toBe('verify_input_missing');
    expect(code({ code: '   ' })).toBe('verify_input_missing');
    expect(code({ code: GTIN })).toBe('verify_code_incomplete');
    expect(code({ code: '(00)340987650000000012' })).toBe('gs1_check_digit');
    expect(code({ code: '(00)340987650000000011' })).toBe('verify_not_a_pack');
    expect(code({ code: 'urn:epc:id:sgln:4098765.00001.0' })).toBe('verify_not_a_pack');
    expect(code({ code: `(01)${GTIN}(21)A`, gtin: '09506000134352' })).toBe('verify_input_conflict');
    expect(code({ code: `(01)${GTIN}(10)L1(21)A`, lot: 'L2' })).toBe('verify_input_conflict');
    expect(code({ gtin: '123', serial: 'A' })).toBe('validation_failed');
    expect(code({ gtin: GTIN, serial: 'bad serial' })).toBe('gs1_invalid_character');
    expect(code({ gtin: GTIN, serial: 'A', expiry: '31/31/2027' })).toBe('validation_failed');
    expect(code({ code: 'hello' })).toBe('gs1_unrecognised');
  });

  it('answers anything with a target or an AppError, never another exception (property)', () => {
    fc.assert(
      fc.property(fc.record({ code: fc.option(fc.string(), { nil: undefined }), gtin: fc.option(fc.string({ maxLength: 16 }), { nil: undefined }), lot: fc.option(fc.string(), { nil: undefined }), serial: fc.option(fc.string(), { nil: undefined }), expiry: fc.option(fc.string(), { nil: undefined }) }), (input) => {
        try {
          const target = read(input);
          expect(['pack', 'batch']).toContain(target.kind);
        } catch (error) {
          expect(isAppError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readExpiryInput', () => {
  it('reads dates and months as printed on boxes', () => {
    expect(readExpiryInput('2027-03-31')).toEqual({ expiry: '2027-03-31' });
    expect(readExpiryInput('270300', today)).toEqual({ expiry: '2027-03-31' });
    expect(readExpiryInput('2027-03')).toEqual({ expiryMonth: '2027-03' });
    expect(readExpiryInput('03/2027')).toEqual({ expiryMonth: '2027-03' });
    expect(readExpiryInput('03/27')).toEqual({ expiryMonth: '2027-03' });
  });

  it('refuses impossible or ambiguous dates', () => {
    for (const bad of ['2027-02-30', '2027-13', '13/2027', '31.03.2027', 'March 2027', '2027']) expect(() => readExpiryInput(bad), bad).toThrow();
  });
});
