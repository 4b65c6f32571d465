import { bytesToHex as nobleBytesToHex } from '@noble/hashes/utils.js';

/**
 * Byte helpers for the verifier. Encodings are parsed strictly: a proof that
 * can be spelled two ways could be shown one way and checked another, so
 * anything but the single canonical spelling (lowercase hex) is rejected.
 */

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}

/** True when `value` is lowercase hex of exactly `length` bytes. */
export function isHexOfLength(value: unknown, length: number): value is string {
  return typeof value === 'string' && value.length === length * 2 && HEX.test(value);
}

/**
 * Bytes of a lowercase hex string.
 * requires: `hex` has even length and only the characters 0-9 a-f.
 */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw new TypeError('fromHex: expected lowercase hex of whole bytes');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Constant-shape equality of two byte strings (lengths compared first). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * True when `text` has no lone UTF-16 surrogate, i.e. it has exactly one
 * UTF-8 encoding. TextEncoder would silently turn a lone surrogate into
 * U+FFFD, so two different strings could otherwise hash the same.
 */
export function isWellFormedUnicode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `text`.
 * requires: `text` is well-formed Unicode (no lone surrogates).
 */
export function utf8(text: string): Uint8Array {
  if (!isWellFormedUnicode(text)) throw new TypeError('utf8: the text contains a lone surrogate');
  return encoder.encode(text);
}
