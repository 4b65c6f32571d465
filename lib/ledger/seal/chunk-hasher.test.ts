import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPeriodTree, fastLeafHash, packHashes } from '@/lib/ledger/merkle';
import { toHex } from '@/lib/verify';
import { ChunkHasher } from './chunk-hasher';

function leaves(count: number): Uint8Array {
  return packHashes(Array.from({ length: count }, (_, i) => fastLeafHash(Uint8Array.of(i >>> 16, i >>> 8, i))));
}

describe('ChunkHasher', () => {
  it('gives the chunk roots of buildPeriodTree however the leaves are cut into ranges, and their tree has the period root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.array(fc.integer({ min: 1, max: 1_500 }), { minLength: 1, maxLength: 20 }), (count, cuts) => {
        const all = leaves(count);
        const hasher = new ChunkHasher();
        let offset = 0;
        for (let i = 0; offset < count; i++) {
          const take = Math.min(cuts[i % cuts.length]!, count - offset);
          hasher.add(all.subarray(offset * 32, (offset + take) * 32));
          offset += take;
        }
        const roots = hasher.finish();
        const expected = buildPeriodTree(all);
        expect(roots.map(toHex)).toEqual(expected.chunkRoots.map(toHex));
        expect(toHex(buildPeriodTree(packHashes(roots)).root)).toBe(toHex(expected.root));
      }),
      { numRuns: 40 },
    );
  });

  it('has no chunk for no leaves', () => {
    expect(new ChunkHasher().finish()).toEqual([]);
  });
});
