import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/verify';
import { fastCanonicalJson } from './fast-canonical-json';

/** The server's JCS must write exactly the bytes lib/verify (the definition, run by every verifier) writes. */
describe('fastCanonicalJson', () => {
  it('equals canonicalJson on arbitrary JSON, including index-like member names and any Unicode', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '__proto__', 'a', 'é', '\u{1F600}'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ unit: 'grapheme' }), fc.array(tie('value')), fc.dictionary(key, tie('value'))),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(fastCanonicalJson(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what canonicalJson refuses, instead of dropping it', () => {
    for (const bad of [{ a: undefined }, [Number.NaN], { d: new Date(0) }, '\ud800', { '\udc00': 1 }, [1, , 2]]) {
      expect(() => canonicalJson(bad)).toThrow();
      expect(() => fastCanonicalJson(bad)).toThrow();
    }
  });

  it('sorts members by UTF-16 code units, as RFC 8785 requires', () => {
    expect(fastCanonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, '\u20ac': 2, '\u{1F600}': 3 })).toBe('{"a":{"c":"x","d":[true,null]},"b":1,"\u20ac":2,"\u{1F600}":3}');
  });
});
