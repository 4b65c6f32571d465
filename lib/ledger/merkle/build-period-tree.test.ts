import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRoot, leafHash, toHex } from '@/lib/verify';
import { buildPeriodTree, CHUNK_SIZE } from './build-period-tree';
import { fastLeafHash, fastNodeHash } from './fast-hash';
import { eventLeafHash, hashLeaves } from './hash-leaves';
import { merkletreejsRoot } from './merkletreejs-root';
import { packHashes } from './packed-hashes';
import { isNodeOfTree, referenceRoot, sampleLeafHashes } from './testing/reference-tree';

const EDGE_SIZES = [0, 1, 2, 3, 1023, 1024, 1025, 2047, 2048, 2049, 3072, 3073, 4096 + 1];

describe('buildPeriodTree', () => {
  it('gives the reference root at chunk boundaries and for random sizes', () => {
    const leaves = sampleLeafHashes(4097);
    for (const n of EDGE_SIZES) expect(toHex(buildPeriodTree(leaves.slice(0, n)).root), `size ${n}`).toBe(toHex(referenceRoot(leaves.slice(0, n))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4097 }), (n) => {
        expect(toHex(buildPeriodTree(leaves.slice(0, n)).root)).toBe(toHex(referenceRoot(leaves.slice(0, n))));
      }),
      { numRuns: 40 },
    );
  });

  it('has the empty root and no chunks for an empty period', () => {
    expect(buildPeriodTree([])).toEqual({ root: emptyRoot(), size: 0, chunkRoots: [] });
  });

  // The claim the chunked storage rests on (docs/decisions/031): every full
  // aligned block of 1024 leaves and the last partial block are nodes of the
  // RFC 6962 tree, so their roots are what the tree itself contains.
  it('returns one root per chunk, each a node of the RFC 6962 tree with the reference hash', () => {
    const leaves = sampleLeafHashes(5000, 2);
    for (const n of [...EDGE_SIZES.filter((s) => s > 0), 5000, 4999]) {
      const { chunkRoots } = buildPeriodTree(leaves.slice(0, n));
      expect(chunkRoots).toHaveLength(Math.ceil(n / CHUNK_SIZE));
      chunkRoots.forEach((root, c) => {
        const [start, end] = [c * CHUNK_SIZE, Math.min((c + 1) * CHUNK_SIZE, n)];
        expect(isNodeOfTree(start, end, n), `chunk ${c} of ${n}`).toBe(true);
        expect(toHex(root), `chunk ${c} of ${n}`).toBe(toHex(referenceRoot(leaves.slice(start, end))));
      });
    }
  });

  it('agrees with merkletreejs, takes packed input and leaves its input untouched', () => {
    const leaves = sampleLeafHashes(2500, 3);
    const packed = packHashes(leaves);
    const before = toHex(packed);
    const tree = buildPeriodTree(packed);
    expect(toHex(packed)).toBe(before);
    expect(toHex(tree.root)).toBe(toHex(merkletreejsRoot(leaves)));
    expect(toHex(buildPeriodTree(leaves).root)).toBe(toHex(tree.root));
  });

  it('refuses leaf hashes that are not 32 bytes', () => {
    expect(() => buildPeriodTree([new Uint8Array(31)])).toThrow(RangeError);
    expect(() => buildPeriodTree(new Uint8Array(33))).toThrow(RangeError);
  });
});

describe('fast hashing', () => {
  it('equals the verifier hashing for leaves of any length and for nodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (data, other) => {
        expect(toHex(fastLeafHash(data))).toBe(toHex(leafHash(data)));
        const [left, right] = [leafHash(data), other];
        expect(toHex(fastNodeHash(left, right))).toBe(toHex(referenceRoot([left, right])));
      }),
    );
  });

  it('hashLeaves packs leaf hashes; eventLeafHash hashes the canonical record', () => {
    const data = [Uint8Array.of(), Uint8Array.of(1, 2), new Uint8Array(5000).fill(9)];
    expect(toHex(hashLeaves(data))).toBe(data.map((d) => toHex(leafHash(d))).join(''));
    const record = { b: 1, a: 'x' };
    expect(toHex(eventLeafHash(record))).toBe(toHex(leafHash(new TextEncoder().encode('{"a":"x","b":1}'))));
  });
});
