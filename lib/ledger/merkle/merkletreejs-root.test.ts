import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '@/lib/verify';
import { merkletreejsRoot } from './merkletreejs-root';
import { referenceRoot, sampleLeafHashes } from './testing/reference-tree';

/**
 * merkletreejs, configured as in DESIGN.md, moves a lone last node up a level
 * unhashed. That matches RFC 6962 when the right subtree of every split is
 * itself built the same way, which holds for every size (docs/decisions/031);
 * these tests check it rather than trust the argument.
 */
describe('merkletreejs as configured for RFC 6962', () => {
  it('gives the reference root for every size from 0 to 300', () => {
    const leaves = sampleLeafHashes(300);
    for (let n = 0; n <= 300; n++) expect(toHex(merkletreejsRoot(leaves.slice(0, n))), `size ${n}`).toBe(toHex(referenceRoot(leaves.slice(0, n))));
  });

  it('gives the reference root for random sizes up to 5000 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 301, max: 5000 }), fc.integer(), (n, seed) => {
        const leaves = sampleLeafHashes(n, seed);
        expect(toHex(merkletreejsRoot(leaves))).toBe(toHex(referenceRoot(leaves)));
      }),
      { numRuns: 15 },
    );
  });

  it('accepts packed input and does not hash the leaves again', () => {
    const leaves = sampleLeafHashes(1);
    expect(toHex(merkletreejsRoot(leaves[0]!))).toBe(toHex(leaves[0]!));
  });
});
