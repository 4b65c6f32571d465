import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { canonicalJson, canonicalJsonBytes, CanonicalJsonError } from './jcs';

/**
 * Examples published in RFC 8785 itself, copied from the RFC text:
 * §3.2.2 (input and output of the main example), §3.2.3 (sorting of
 * properties), §3.2.4 (the UTF-8 bytes of the main example's output) and
 * Appendix B (number serialisation: IEEE 754 bit pattern -> JSON text).
 */
describe('RFC 8785 published examples', () => {
  it('§3.2.2: canonicalises the main example', () => {
    // The RFC's input, verbatim, as JSON text (numbers such as 4.50 and 1E30
    // only survive as text; JSON.parse turns them into the IEEE 754 doubles
    // that JCS serialises).
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50,
                  2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });

  it('§3.2.4: the main example as UTF-8 bytes', () => {
    const value = { numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 1e-27], string: "€$\u000f\nA'B\"\\\\\"/", literals: [null, true, false] };
    const rfcBytes = [
      '7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
      '75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
      '5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
      '65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
      '5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
      '30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d',
    ].join(' ');
    expect(toHex(canonicalJsonBytes(value))).toBe(rfcBytes.replaceAll(' ', ''));
  });

  it('§3.2.3: sorts properties by UTF-16 code units, not by code points or UTF-8', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Read the order from the text: JavaScript objects list integer-like keys first.
    const order = [...canonicalJson(JSON.parse(input)).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  // Appendix B: IEEE 754 double (hex bit pattern) -> canonical JSON number.
  const appendixB: [string, string | null][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // minus zero
    ['0000000000000001', '5e-324'], // smallest positive number
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'], // largest number
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'], // largest exact integer, 2^53
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'], // about 2^68
    ['7fffffffffffffff', null], // NaN: an error
    ['7ff0000000000000', null], // Infinity: an error
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'], // round to even
  ];

  it.each(appendixB)('Appendix B: %s -> %s', (bits, expected) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt(`0x${bits}`));
    const value = view.getFloat64(0);
    if (expected === null) expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    else expect(canonicalJson(value)).toBe(expected);
  });
});

describe('canonicalJson', () => {
  it('escapes control characters as RFC 8785 §3.2.2.2 says', () => {
    expect(canonicalJson('\u0000\u0008\u0009\u000a\u000b\u000c\u000d\u001f "\\/\u007f\u2028')).toBe('"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \\"\\\\/\u007f\u2028"');
  });

  it('keeps well-formed astral characters as they are', () => {
    expect(canonicalJson({ '😀': '\ud83d\ude00' })).toBe('{"😀":"😀"}');
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a bigint', 10n],
    ['NaN', Number.NaN],
    ['-Infinity', -Infinity],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a typed array', new Uint8Array(2)],
    ['undefined inside an object', { a: undefined }],
    ['a function inside an array', [1, () => 2]],
    ['an array hole', [1, , 3]],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate in a key', { '\udc00': 1 }],
  ])('rejects %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('rejects cycles but accepts the same object twice', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
  });

  it('accepts objects without a prototype and a member named __proto__', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":0}'))).toBe('{"__proto__":{"x":1},"a":0}');
  });

  it('is a fixed point and agrees with JSON.parse (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on member order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });
});
