import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRoot, toHex, verifyConsistency, verifyInclusion } from '@/lib/verify';
import { MerkleLog } from './merkle-log';
import { merkletreejsRoot } from './merkletreejs-root';
import { consistencyProof, inclusionProof, merkleRoot } from './proofs';
import { referenceConsistency, referencePath, referenceRoot, sampleLeafHashes } from './testing/reference-tree';

describe('proof generation and verification (property)', () => {
  it('for random trees up to 3000 leaves, every inclusion and every consistency proof verifies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer(), (n, seed) => {
        const leaves = sampleLeafHashes(n, seed);
        const log = new MerkleLog(leaves);
        const root = referenceRoot(leaves);
        expect(toHex(log.root())).toBe(toHex(root));
        expect(toHex(merkletreejsRoot(leaves))).toBe(toHex(root));
        for (let i = 0; i < n; i++) verifyInclusion(leaves[i]!, i, n, log.inclusionProof(i), root);
        for (let m = 0; m <= n; m++) verifyConsistency(m, n, log.consistencyProof(m), m === 0 ? emptyRoot() : log.root(m), root);
      }),
      { numRuns: 12 },
    );
  });

  it('proofs between earlier sizes equal the naive reference (property)', () => {
    const leaves = sampleLeafHashes(700, 9);
    const log = new MerkleLog(leaves);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 699 }), (size2, a, b) => {
        const size1 = a % (size2 + 1);
        const index = b % size2;
        const prefix = leaves.slice(0, size2);
        expect(log.inclusionProof(index, size2).map(toHex)).toEqual(referencePath(index, prefix).map(toHex));
        expect(log.consistencyProof(size1, size2).map(toHex)).toEqual(referenceConsistency(size1, prefix).map(toHex));
        expect(toHex(log.root(size2))).toBe(toHex(referenceRoot(prefix)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('MerkleLog', () => {
  it('grows one leaf at a time with the same roots as a log built at once', () => {
    const leaves = sampleLeafHashes(300, 4);
    const log = new MerkleLog();
    expect(toHex(log.root())).toBe(toHex(emptyRoot()));
    leaves.forEach((leaf, i) => {
      log.append(leaf);
      expect(log.size).toBe(i + 1);
      expect(toHex(log.root())).toBe(toHex(referenceRoot(leaves.slice(0, i + 1))));
    });
    expect(toHex(log.leafHash(17))).toBe(toHex(leaves[17]!));
  });

  it('refuses sizes beyond the log, indices beyond the size and malformed leaves', () => {
    const log = new MerkleLog(sampleLeafHashes(10));
    expect(() => log.root(11)).toThrow(RangeError);
    expect(() => log.inclusionProof(10)).toThrow(RangeError);
    expect(() => log.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => log.consistencyProof(6, 5)).toThrow(RangeError);
    expect(() => log.consistencyProof(1, 11)).toThrow(RangeError);
    expect(() => log.leafHash(-1)).toThrow(RangeError);
    expect(() => log.append(new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('list functions', () => {
  it('merkleRoot, inclusionProof and consistencyProof honour an explicit size', () => {
    const leaves = sampleLeafHashes(50, 6);
    expect(toHex(merkleRoot(leaves, 33))).toBe(toHex(referenceRoot(leaves.slice(0, 33))));
    expect(toHex(merkleRoot([]))).toBe(toHex(emptyRoot()));
    expect(inclusionProof(leaves, 20, 33).map(toHex)).toEqual(referencePath(20, leaves.slice(0, 33)).map(toHex));
    expect(consistencyProof(leaves, 7, 33).map(toHex)).toEqual(referenceConsistency(7, leaves.slice(0, 33)).map(toHex));
    expect(() => merkleRoot(leaves, 51)).toThrow(RangeError);
  });
});
