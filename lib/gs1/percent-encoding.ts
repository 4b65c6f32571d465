import { gs1Error, quote } from './gs1-error';

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
/** ASCII without '%': decoding changes nothing (but '+' in a query). */
const PLAIN = /^[\x00-\x24\x26-\x7f]*$/;

/**
 * Percent-encodes an AI value for a Digital Link path or query: every
 * character outside RFC 3986 "unreserved" becomes %XX (upper-case hex).
 * This is the rule of GS1's own Syntax Engine for Digital Link URIs, and it
 * leaves exactly one spelling per value, which canonical keys need.
 *
 * requires: `value` is ASCII (AI values are GS1 character set 82).
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (code > 0x7f) throw new RangeError('percentEncode: AI values are ASCII');
    out += UNRESERVED.test(c) ? c : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Decodes %XX escapes (as UTF-8, so a stray "é" is reported as "é" by the
 * character-set check that follows) and, in a query, "+" as space.
 * Malformed escapes are refused with gs1_invalid_digital_link.
 */
export function percentDecode(text: string, where: { position: number; query?: boolean; label: string }): string {
  // Nearly every value is plain ASCII with nothing to decode: it is its own decoding.
  if (PLAIN.test(text) && !(where.query && text.includes('+'))) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        throw gs1Error('gs1_invalid_digital_link', `${where.label} has a broken percent-encoding ${quote(text.slice(i, i + 3))} at character ${where.position + i + 1}.`, {
          position: where.position + i,
        });
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '+' && where.query) {
      bytes.push(0x20);
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) as number);
      for (const b of ENCODER.encode(char)) bytes.push(b);
      i += char.length - 1;
    }
  }
  return DECODER.decode(new Uint8Array(bytes));
}
