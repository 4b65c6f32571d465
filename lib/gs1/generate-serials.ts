/**
 * Serial numbers for commissioning packs (AI 21).
 *
 * Alphabet: digits and capital letters without 0/O and 1/I, which people
 * misread when they type a code off a pack: 32 characters, all in GS1
 * character set 82 and all unreserved in URIs, so a serial is spelled the
 * same in an element string, a Digital Link, an EPC URN and a storage key.
 *
 * Guessing (EU FMD Delegated Regulation 2016/161, Art. 4(b): the chance of
 * guessing a valid serial must be negligible and below 1 in 10,000):
 * 12 characters give 32^12 = 2^60 ≈ 1.15e18 serials per GTIN. With 100,000
 * packs of a GTIN on the market a random guess hits one with probability
 * 1e5 / 1.15e18 ≈ 8.7e-14, some nine orders of magnitude below 1e-4; even
 * 10^9 packs of one GTIN stay at 8.7e-10.
 *
 * Randomness: Web Crypto getRandomValues (browsers and Node 20), so the
 * same code runs everywhere. Bytes become characters by rejection
 * sampling: a byte is used only if it is below the largest multiple of the
 * alphabet size that fits in 256, so every character is exactly equally
 * likely. (With 32 characters no byte is ever rejected; the sampler stays
 * unbiased if the alphabet changes.)
 */
export const SERIAL_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const DEFAULT_SERIAL_LENGTH = 12;
/** Serials per call: bounds memory; commission larger runs in several calls. */
export const MAX_SERIALS_PER_CALL = 1_000_000;

const MAX_RANDOM_BYTES = 65_536; // getRandomValues' limit per call

/**
 * `count` distinct random serials of `length` characters (12-20).
 * Uniqueness is within the call. Across calls the database's (gtin, serial)
 * key must guard: a repeat is very unlikely (10^5 new serials against 10^7
 * already issued for the GTIN: 10^12 / 2^60 ≈ 8.7e-7) but not impossible,
 * so the caller retries on a conflict.
 *
 * requires: 0 <= count <= MAX_SERIALS_PER_CALL, 12 <= length <= 20, integers.
 */
export function generateSerials(count: number, options: { length?: number } = {}): string[] {
  const length = options.length ?? DEFAULT_SERIAL_LENGTH;
  if (!Number.isInteger(count) || count < 0 || count > MAX_SERIALS_PER_CALL) {
    throw new RangeError(`generateSerials: count must be an integer from 0 to ${MAX_SERIALS_PER_CALL}`);
  }
  if (!Number.isInteger(length) || length < 12 || length > 20) {
    throw new RangeError('generateSerials: length must be an integer from 12 to 20 (AI 21 allows 20)');
  }
  const indexes = randomIndexes(count * length);
  const codes = new Uint8Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) codes[i] = ALPHABET_CODES[indexes[i] as number] as number;
  const text = DECODER.decode(codes);
  const serials = new Array<string>(count);
  for (let i = 0; i < count; i++) serials[i] = text.slice(i * length, (i + 1) * length);
  return prefixesDistinct(indexes, count, length) ? serials : topUp(serials, count, length);
}

const ALPHABET_CODES = Uint8Array.from(SERIAL_ALPHABET, (c) => c.charCodeAt(0));
const DECODER = new TextDecoder();
/** Characters of a serial that fit in one double exactly (53 bits): 10 of a 32-character alphabet. */
const PREFIX_CHARS = Math.floor(53 / Math.log2(SERIAL_ALPHABET.length));

/**
 * Fast uniqueness check (a Set of 100,000 strings alone would take longer
 * than everything else): the first 10 characters of each serial as one
 * 50-bit number, sorted natively. Distinct prefixes prove distinct serials;
 * a shared prefix (about once in 200,000 calls of 100,000 serials) sends
 * the call to the exact, slower path.
 */
export function prefixesDistinct(indexes: Uint8Array, count: number, length: number): boolean {
  const prefixes = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let prefix = 0;
    for (let j = 0; j < PREFIX_CHARS; j++) prefix = prefix * SERIAL_ALPHABET.length + (indexes[i * length + j] as number);
    prefixes[i] = prefix;
  }
  prefixes.sort();
  for (let i = 1; i < count; i++) if (prefixes[i] === prefixes[i - 1]) return false;
  return true;
}

/** Drops repeats and draws replacements until `count` distinct serials remain. */
function topUp(serials: string[], count: number, length: number): string[] {
  const distinct = new Set(serials);
  while (distinct.size < count) distinct.add(generateSerials(1, { length })[0] as string);
  return [...distinct];
}

/** `n` unbiased random alphabet indexes, drawn from Web Crypto in large batches. */
function randomIndexes(n: number): Uint8Array {
  const size = ALPHABET_CODES.length;
  const limit = 256 - (256 % size);
  const out = new Uint8Array(n);
  const buffer = new Uint8Array(Math.min(MAX_RANDOM_BYTES, n + 64));
  let filled = 0;
  while (filled < n) {
    globalThis.crypto.getRandomValues(buffer);
    for (let j = 0; j < buffer.length && filled < n; j++) {
      const byte = buffer[j] as number;
      if (byte < limit) out[filled++] = byte % size;
    }
  }
  return out;
}
