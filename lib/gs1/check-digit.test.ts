import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, withCheckDigit } from './check-digit';

describe('GS1 mod-10 check digit', () => {
  // Identifiers printed in GS1's own documents and on real retail packs.
  it.each([
    ['09506000134352', 'GTIN-14 of the GS1 Digital Link examples'],
    ['4006381333931', 'GTIN-13 on a retail pack'],
    ['106141412345678908', 'SSCC of the GS1 General Specifications example'],
    ['0614141000012', 'GLN of the EPCIS examples (0614141.00001.2)'],
    ['96385074', 'GTIN-8'],
  ])('accepts %s (%s)', (id) => {
    expect(hasValidCheckDigit(id)).toBe(true);
    expect(withCheckDigit(id.slice(0, -1))).toBe(id);
  });

  it('rejects every single-digit change of a valid identifier', () => {
    const valid = '09506000134352';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        expect(hasValidCheckDigit(changed), changed).toBe(false);
      }
    }
  });

  it('rejects non-digits and too-short input', () => {
    expect(hasValidCheckDigit('0950600013435X')).toBe(false);
    expect(hasValidCheckDigit('7')).toBe(false);
    expect(() => gs1CheckDigit('12a')).toThrow(RangeError);
  });

  it('always yields a body that validates (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (body) => {
        expect(hasValidCheckDigit(withCheckDigit(body))).toBe(true);
      }),
    );
  });
});
