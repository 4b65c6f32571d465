import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBracketed, toDigitalLink, toElementString, toSgtinUrn, withCheckDigit } from '@/lib/gs1';
import { CSET_82 } from '@/lib/gs1/charset';
import { isProblem, readCanonicalLink, readCode } from './read-codes';

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const gtin = digits(13).map(withCheckDigit);
const serial = fc.string({ unit: fc.constantFrom(...CSET_82), minLength: 1, maxLength: 20 });
const simpleSerial = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/);

describe('readCode', () => {
  it('reads the same pack key from every form of a code, and keeps the lot and expiry it carries', () => {
    fc.assert(
      fc.property(gtin, serial, (g, s) => {
        const fields = { gtin: g, serial: s, lot: 'L1', expiry: '2027-03-31' };
        const forms = [toBracketed(fields), toElementString(fields, {}), toDigitalLink(fields, 'https://example.org'), toSgtinUrn(g, s, 7)];
        const read = forms.map((code) => readCode(code, '/c'));
        for (const r of read) expect(isProblem(r)).toBe(false);
        expect(new Set(read.map((r) => (r as { key: string }).key)).size).toBe(1);
        expect(read[0]).toMatchObject({ kind: 'pack', facts: { lot: 'L1', expiry: '2027-03-31' } });
      }),
      { numRuns: 100 },
    );
  });

  it('takes canonical Digital Links at face value exactly when the full parser would give the same key', () => {
    fc.assert(
      fc.property(fc.oneof(gtin, digits(14)), fc.oneof(simpleSerial, serial), (g, s) => {
        const code = `https://id.gs1.org/01/${g}/21/${s}`;
        const fast = readCanonicalLink(code);
        if (fast === null) return;
        const full = readCode(code.replace('https://id.gs1.org/', 'https://ID.gs1.org/'), '/c');
        expect(fast).toEqual(full);
      }),
      { numRuns: 300 },
    );
    const sscc = withCheckDigit('34012345000000000');
    const wrong = sscc.slice(0, 17) + String((Number(sscc[17]) + 1) % 10);
    expect(readCanonicalLink(`https://id.gs1.org/00/${sscc}`)).toEqual({ kind: 'case', key: `00/${sscc}` });
    expect(readCanonicalLink(`https://id.gs1.org/00/${wrong}`)).toBeNull();
  });

  it('names the problem of a bad code with its pointer and the GS1 reason', () => {
    expect(readCode('(01)04098765000118(21)X', '/events/0/codes/0')).toMatchObject({ code: 'gs1_check_digit', pointer: '/events/0/codes/0' });
    expect(readCode('(01)04098765000119(10)L1', '/p')).toMatchObject({ code: 'validation_failed' });
    expect(readCode('(01)04098765000119(10)L1', '/p', { batches: true })).toMatchObject({ kind: 'batch', key: '01/04098765000119/10/L1' });
  });
});
