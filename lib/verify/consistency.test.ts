import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProofSize, verifyConsistency } from './consistency';
import { emptyRoot } from './hash';
import { VerificationError } from './verification-error';

const h = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);

function failure(run: () => unknown): VerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationError) return error;
    throw error;
  }
  throw new Error('expected a VerificationError');
}

describe('verifyConsistency edge cases', () => {
  it('refuses a smaller second tree: a log never shrinks', () => {
    expect(failure(() => verifyConsistency(5, 4, [], h(1), h(2))).kind).toBe('invalid-argument');
  });

  it('equal sizes need an empty proof and equal roots', () => {
    expect(() => verifyConsistency(7, 7, [], h(1), h(1))).not.toThrow();
    expect(failure(() => verifyConsistency(7, 7, [], h(1), h(2))).kind).toBe('root-mismatch');
    expect(failure(() => verifyConsistency(7, 7, [h(3)], h(1), h(1))).kind).toBe('wrong-proof-size');
  });

  it('the empty tree is consistent with any tree, with an empty proof and the empty root', () => {
    expect(() => verifyConsistency(0, 9, [], emptyRoot(), h(2))).not.toThrow();
    expect(failure(() => verifyConsistency(0, 9, [], h(1), h(2))).kind).toBe('root-mismatch');
    expect(failure(() => verifyConsistency(0, 9, [h(1)], emptyRoot(), h(2))).kind).toBe('wrong-proof-size');
  });

  it('an empty proof between different non-zero sizes fails', () => {
    const error = failure(() => verifyConsistency(3, 4, [], h(1), h(2)));
    expect(error.kind).toBe('wrong-proof-size');
    expect([error.expected, error.computed]).toEqual(['3', '0']);
  });

  it('rejects non-integer, negative and unsafe sizes and short hashes', () => {
    expect(failure(() => verifyConsistency(-1, 4, [], h(1), h(2))).kind).toBe('invalid-argument');
    expect(failure(() => verifyConsistency(1.5, 4, [], h(1), h(2))).kind).toBe('invalid-argument');
    expect(failure(() => verifyConsistency(1, 2 ** 53, [], h(1), h(2))).kind).toBe('invalid-argument');
    expect(failure(() => verifyConsistency(1, 2, [new Uint8Array(31)], h(1), h(2))).kind).toBe('invalid-argument');
  });
});

describe('consistencyProofSize', () => {
  // Independent count from RFC 9162 §2.1.4.1 SUBPROOF: walk down the right
  // edge of the new tree counting one hash per level, plus one for the old
  // subtree's root unless it is the whole left part (b = true).
  function subproofSize(m: number, n: number, whole: boolean): number {
    if (m === n) return whole ? 0 : 1;
    let k = 1;
    while (k * 2 < n) k *= 2;
    return 1 + (m <= k ? subproofSize(m, k, whole) : subproofSize(m - k, n - k, false));
  }

  it('matches the SUBPROOF recursion for sizes up to 2^53 - 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, b) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        expect(consistencyProofSize(m, n)).toBe(subproofSize(m, n, true));
      }),
      { numRuns: 2000 },
    );
  });
});
