/**
 * RFC 9162 proof generation, written as the RFC defines it (§2.1.3.1 PATH and
 * §2.1.4.1 PROOF/SUBPROOF), over a function that gives the hash of any
 * subtree D[start:end]. Where that function comes from (a stored log, a
 * chunk plus chunk roots) is up to the caller.
 */

/** MTH(D[start:end]). */
export type TRangeHash = (start: number, end: number) => Uint8Array;

/** The largest power of two strictly below n. requires: n >= 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function path(mth: TRangeHash, m: number, start: number, end: number): Uint8Array[] {
  const n = end - start;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  if (m < k) return [...path(mth, m, start, start + k), mth(start + k, end)];
  return [...path(mth, m - k, start + k, end), mth(start, start + k)];
}

/**
 * PATH(index, D[0:size]): the inclusion proof of leaf `index`, leaf side first.
 * requires: 0 <= index < size.
 */
export function inclusionPath(mth: TRangeHash, index: number, size: number): Uint8Array[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`inclusion proof: requires 0 <= index < size, got index ${index} and size ${size}`);
  }
  return path(mth, index, 0, size);
}

function subproof(mth: TRangeHash, m: number, start: number, end: number, whole: boolean): Uint8Array[] {
  const n = end - start;
  if (m === n) return whole ? [] : [mth(start, end)];
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) return [...subproof(mth, m, start, start + k, whole), mth(start + k, end)];
  return [...subproof(mth, m - k, start + k, end, false), mth(start, start + k)];
}

/**
 * PROOF(size1, D[0:size2]): the consistency proof between the trees of the
 * first size1 and size2 leaves; empty when size1 is 0 or equals size2.
 * requires: 0 <= size1 <= size2.
 */
export function consistencyPath(mth: TRangeHash, size1: number, size2: number): Uint8Array[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) {
    throw new RangeError(`consistency proof: requires 0 <= size1 <= size2, got ${size1} and ${size2}`);
  }
  if (size1 === 0 || size1 === size2) return [];
  return subproof(mth, size1, 0, size2, true);
}
