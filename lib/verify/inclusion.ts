import { toHex, bytesEqual } from './bytes';
import { nodeHash } from './hash';
import { half, isOdd, requireHash, requireSize, shiftWhileEven } from './preconditions';
import { VerificationError } from './verification-error';

/**
 * Inclusion proofs, verified exactly as RFC 9162 §2.1.3.2 describes: walk
 * the path from the leaf up, with `fn` (the node's index) and `sn` (the last
 * index at that level) shifted right at each step. Arithmetic uses division
 * rather than bit operators so sizes up to 2^53 - 1 stay exact.
 */

/**
 * How many hashes the inclusion proof of leaf `index` in a tree of `size`
 * leaves has: the number of rounds of the RFC 9162 §2.1.3.2 loop.
 * requires: 0 <= index < size.
 */
export function inclusionProofSize(index: number, size: number): number {
  requireSize('size', size, 1);
  requireSize('index', index, 0);
  if (index >= size) throw new VerificationError('invalid-argument', `requires index < size, got index ${index} and size ${size}`);
  let fn = index;
  let sn = size - 1;
  let count = 0;
  while (sn > 0) {
    if (!isOdd(fn) && fn === sn) [fn, sn] = shiftWhileEven(fn, sn);
    [fn, sn] = [half(fn), half(sn)];
    count++;
  }
  return count;
}

/**
 * The root that `path` leads to from `leaf` at `index` in a tree of `size`.
 * requires: 0 <= index < size; leaf and every path element are 32 bytes;
 * path has exactly inclusionProofSize(index, size) elements.
 */
export function rootFromInclusionProof(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[]): Uint8Array {
  requireHash('leaf hash', leaf);
  const expectedLength = inclusionProofSize(index, size);
  path.forEach((p, i) => requireHash(`path[${i}]`, p));
  if (path.length !== expectedLength) {
    throw new VerificationError('wrong-proof-size', `an inclusion proof for leaf ${index} of ${size} has ${expectedLength} hashes, this one has ${path.length}`, {
      expected: String(expectedLength),
      computed: String(path.length),
    });
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) throw new VerificationError('wrong-proof-size', 'the inclusion proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) throw new VerificationError('wrong-proof-size', 'the inclusion proof is shorter than the tree is deep');
  return r;
}

/**
 * Succeeds when `path` proves that `leaf` is leaf number `index` of the tree
 * of `size` leaves whose root is `root`; throws a VerificationError saying
 * why otherwise (root-mismatch carries the expected and computed roots).
 * requires: as rootFromInclusionProof, and root is 32 bytes.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[], root: Uint8Array): void {
  requireHash('root', root);
  const computed = rootFromInclusionProof(leaf, index, size, path);
  if (!bytesEqual(computed, root)) {
    throw new VerificationError('root-mismatch', 'the inclusion proof leads to a different root', { expected: toHex(root), computed: toHex(computed) });
  }
}
