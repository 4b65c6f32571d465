import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { toHex, verifyInclusion } from '@/lib/verify';
import { buildPeriodTree, CHUNK_SIZE } from './build-period-tree';
import { inclusionPathFromChunks } from './inclusion-path-from-chunks';
import { packHashes } from './packed-hashes';
import { referencePath, sampleLeafHashes } from './testing/reference-tree';

const LEAVES = sampleLeafHashes(6000, 5);

function chunkedPath(leaves: Uint8Array[], leafIndex: number, chunkRoots = buildPeriodTree(leaves).chunkRoots): Uint8Array[] {
  const chunk = Math.floor(leafIndex / CHUNK_SIZE);
  const chunkLeafHashes = leaves.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE);
  return inclusionPathFromChunks({ leafIndex, treeSize: leaves.length, chunkLeafHashes, chunkRoots });
}

describe('inclusionPathFromChunks', () => {
  it('equals the full-tree RFC 9162 path at chunk edges, including the last partial chunk', () => {
    for (const n of [1, 2, 1023, 1024, 1025, 2048, 2049, 3000, 4096, 5121]) {
      const leaves = LEAVES.slice(0, n);
      const { chunkRoots, root } = buildPeriodTree(leaves);
      const indices = new Set([0, 1, n - 1, n - 2, ...Array.from({ length: Math.ceil(n / CHUNK_SIZE) }, (_, c) => [c * CHUNK_SIZE, c * CHUNK_SIZE - 1]).flat()]);
      for (const index of [...indices].filter((i) => i >= 0 && i < n)) {
        const path = chunkedPath(leaves, index, chunkRoots);
        expect(path.map(toHex), `${index} of ${n}`).toEqual(referencePath(index, leaves).map(toHex));
        expect(() => verifyInclusion(leaves[index]!, index, n, path, root)).not.toThrow();
      }
    }
  });

  it('equals the full-tree path for random sizes and indices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, fraction) => {
        const leaves = LEAVES.slice(0, n);
        const index = Math.floor(fraction * n);
        expect(chunkedPath(leaves, index).map(toHex)).toEqual(referencePath(index, leaves).map(toHex));
      }),
      { numRuns: 60 },
    );
  });

  it('accepts the chunk packed, as ledger_chunks stores it', () => {
    const leaves = LEAVES.slice(0, 3000);
    const { chunkRoots } = buildPeriodTree(leaves);
    const packed = packHashes(leaves.slice(2048, 3000));
    expect(inclusionPathFromChunks({ leafIndex: 2500, treeSize: 3000, chunkLeafHashes: packed, chunkRoots }).map(toHex)).toEqual(
      referencePath(2500, leaves).map(toHex),
    );
  });

  it('refuses a damaged chunk instead of returning a proof that cannot verify', () => {
    const leaves = LEAVES.slice(0, 3000);
    const { chunkRoots } = buildPeriodTree(leaves);
    const damaged = leaves.slice(1024, 2048).map((h, i) => (i === 7 ? Uint8Array.from(h, (b, j) => (j === 0 ? b ^ 1 : b)) : h));
    const run = () => inclusionPathFromChunks({ leafIndex: 1500, treeSize: 3000, chunkLeafHashes: damaged, chunkRoots });
    expect(run).toThrow(AppError);
    expect(run).toThrow(/Chunk 1/);
  });

  it('refuses the wrong chunk, a short chunk, a wrong count of chunk roots and out-of-range indices', () => {
    const leaves = LEAVES.slice(0, 3000);
    const { chunkRoots } = buildPeriodTree(leaves);
    const base = { leafIndex: 2500, treeSize: 3000, chunkLeafHashes: leaves.slice(2048, 3000), chunkRoots };
    expect(() => inclusionPathFromChunks({ ...base, chunkLeafHashes: leaves.slice(1024, 2048) })).toThrow();
    expect(() => inclusionPathFromChunks({ ...base, chunkLeafHashes: leaves.slice(2048, 2999) })).toThrow(RangeError);
    expect(() => inclusionPathFromChunks({ ...base, chunkRoots: chunkRoots.slice(1) })).toThrow(RangeError);
    expect(() => inclusionPathFromChunks({ ...base, leafIndex: 3000 })).toThrow(RangeError);
    expect(() => inclusionPathFromChunks({ ...base, leafIndex: -1 })).toThrow(RangeError);
  });
});
