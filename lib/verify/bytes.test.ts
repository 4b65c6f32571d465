import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { bytesEqual, fromHex, isHexOfLength, isWellFormedUnicode, toHex, utf8 } from './bytes';

describe('hex', () => {
  it('round-trips and accepts only lowercase whole bytes', () => {
    expect(toHex(Uint8Array.of(0, 15, 255))).toBe('000fff');
    expect(fromHex('000fff')).toEqual(Uint8Array.of(0, 15, 255));
    for (const bad of ['0', '0G', '00FF', ' 00', '0x00']) expect(() => fromHex(bad)).toThrow(TypeError);
    expect(isHexOfLength('ab'.repeat(32), 32)).toBe(true);
    expect(isHexOfLength('AB'.repeat(32), 32)).toBe(false);
    expect(isHexOfLength('ab'.repeat(31), 32)).toBe(false);
    expect(isHexOfLength(12, 1)).toBe(false);
  });
});

describe('base64', () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j <-> %j', (text, encoded) => {
    expect(toBase64(new TextEncoder().encode(text))).toBe(encoded);
    expect(new TextDecoder().decode(fromBase64(encoded))).toBe(text);
  });

  it('agrees with Node for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['missing padding', 'Zg'],
    ['too much padding', 'Zg==='],
    ['padding in the middle', 'Zg==Zg=='],
    ['URL-safe alphabet', 'a-_b'],
    ['whitespace', 'Zm9v\n'],
    ['non-zero padding bits (Zh== is Zg== with a stray bit)', 'Zh=='],
    ['non-zero padding bits before one =', 'Zm9='],
  ])('rejects %s', (_, text) => {
    expect(fromBase64(text)).toBeUndefined();
  });
});

describe('text', () => {
  it('refuses lone surrogates, which have no UTF-8 form', () => {
    expect(isWellFormedUnicode('a\ud83d\ude00b')).toBe(true);
    expect(isWellFormedUnicode('a\ud83d')).toBe(false);
    expect(isWellFormedUnicode('\ude00a')).toBe(false);
    expect(() => utf8('\ud800')).toThrow(TypeError);
    expect(toHex(utf8('€'))).toBe('e282ac');
  });

  it('bytesEqual compares length and content', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
});
