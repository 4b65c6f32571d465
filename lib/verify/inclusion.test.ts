import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { leafHash, nodeHash } from './hash';
import { inclusionProofSize, rootFromInclusionProof, verifyInclusion } from './inclusion';
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

describe('verifyInclusion preconditions', () => {
  it.each([
    ['index equal to size', 4, 4],
    ['index above size', 5, 4],
    ['negative index', -1, 4],
    ['empty tree', 0, 0],
    ['fractional index', 0.5, 4],
    ['NaN size', 0, Number.NaN],
    ['unsafe size', 0, 2 ** 53],
  ])('rejects %s as invalid-argument', (_, index, size) => {
    expect(failure(() => verifyInclusion(h(1), index, size, [], h(2))).kind).toBe('invalid-argument');
  });

  it('rejects hashes that are not 32 bytes', () => {
    expect(failure(() => verifyInclusion(new Uint8Array(31), 0, 1, [], h(2))).kind).toBe('invalid-argument');
    expect(failure(() => verifyInclusion(h(1), 0, 1, [], new Uint8Array(33))).kind).toBe('invalid-argument');
    expect(failure(() => verifyInclusion(h(1), 0, 2, [new Uint8Array(0)], h(2))).kind).toBe('invalid-argument');
  });

  it('says how long the proof should have been', () => {
    const error = failure(() => rootFromInclusionProof(h(1), 0, 8, [h(2), h(3)]));
    expect(error.kind).toBe('wrong-proof-size');
    expect([error.expected, error.computed]).toEqual(['3', '2']);
  });

  it('says which root was expected and which was computed', () => {
    const leaf = leafHash(Uint8Array.of(7));
    const error = failure(() => verifyInclusion(leaf, 1, 2, [h(9)], h(2)));
    expect(error.kind).toBe('root-mismatch');
    expect(error.expected).toBe(toHex(h(2)));
    expect(error.computed).toBe(toHex(nodeHash(h(9), leaf)));
  });

  it('a single-leaf tree has the leaf hash as root and an empty proof', () => {
    const leaf = leafHash(new Uint8Array(0));
    expect(() => verifyInclusion(leaf, 0, 1, [], leaf)).not.toThrow();
    expect(failure(() => verifyInclusion(leaf, 0, 1, [h(1)], leaf)).kind).toBe('wrong-proof-size');
  });
});

describe('inclusionProofSize', () => {
  // Independent derivation (as in transparency-dev/merkle): the path has one
  // hash per level where index and size-1 differ ("inner"), plus one per set
  // bit of index above that ("border").
  const bitLength = (n: bigint): number => n.toString(2).replace(/^0+/, '').length;
  const popCount = (n: bigint): number => [...n.toString(2)].filter((c) => c === '1').length;
  const expectedSize = (index: number, size: number): number => {
    const inner = bitLength(BigInt(index) ^ BigInt(size - 1));
    return inner + popCount(BigInt(index) >> BigInt(inner));
  };

  it('matches the inner + border formula for all sizes up to 2^53 - 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.double({ min: 0, max: 1, noNaN: true }), (size, fraction) => {
        const index = Math.min(size - 1, Math.floor(fraction * size));
        expect(inclusionProofSize(index, size)).toBe(expectedSize(index, size));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact beyond 2^32 leaves, where 32-bit bit operators would wrap', () => {
    expect(inclusionProofSize(2 ** 52, 2 ** 52 + 1)).toBe(1);
    expect(inclusionProofSize(0, 2 ** 52 + 1)).toBe(53);
    expect(inclusionProofSize(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)).toBe(expectedSize(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER));
  });
});
