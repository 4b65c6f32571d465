import { bytesEqual, toHex } from './bytes';
import { emptyRoot, nodeHash } from './hash';
import { half, isOdd, isPowerOfTwo, requireHash, requireSize, shiftWhileEven } from './preconditions';
import { VerificationError } from './verification-error';

/**
 * Consistency proofs, verified exactly as RFC 9162 §2.1.4.2 describes. A
 * valid proof shows that the tree of `size2` leaves with root `root2` is the
 * tree of `size1` leaves with root `root1` with leaves only appended: nothing
 * recorded earlier was changed, removed or reordered.
 */

/** Step 4: drops trailing one bits of fn (and as many of sn). */
function shiftWhileOdd(fn: number, sn: number): [number, number] {
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  return [fn, sn];
}

/**
 * How many hashes the consistency proof from `size1` to `size2` has.
 * requires: 0 <= size1 <= size2.
 */
export function consistencyProofSize(size1: number, size2: number): number {
  requireSize('size1', size1, 0);
  requireSize('size2', size2, size1);
  if (size1 === 0 || size1 === size2) return 0;
  let [fn, sn] = shiftWhileOdd(size1 - 1, size2 - 1);
  let rounds = 0;
  while (sn > 0) {
    if (!isOdd(fn) && fn === sn) [fn, sn] = shiftWhileEven(fn, sn);
    [fn, sn] = [half(fn), half(sn)];
    rounds++;
  }
  // The proof omits its first hash when size1 is a power of two (step 2).
  return isPowerOfTwo(size1) ? rounds : rounds + 1;
}

function requireRootsEqual(what: string, expected: Uint8Array, computed: Uint8Array): void {
  if (!bytesEqual(expected, computed)) {
    throw new VerificationError('root-mismatch', what, { expected: toHex(expected), computed: toHex(computed) });
  }
}

/** Steps 2-7 for 0 < size1 < size2, once the proof length is known to be right. */
function walkConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array): [Uint8Array, Uint8Array] {
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let [fn, sn] = shiftWhileOdd(size1 - 1, size2 - 1);
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new VerificationError('wrong-proof-size', 'the consistency proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) throw new VerificationError('wrong-proof-size', 'the consistency proof is shorter than the tree is deep');
  return [fr, sr];
}

/**
 * Succeeds when `proof` shows the tree (size2, root2) extends (size1,
 * root1); throws a VerificationError saying why otherwise.
 * requires: 0 <= size1 <= size2; roots and proof hashes are 32 bytes. Equal
 * sizes need an empty proof and equal roots; size1 = 0 needs an empty proof
 * and root1 = SHA-256("").
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  requireHash('root1', root1);
  requireHash('root2', root2);
  proof.forEach((p, i) => requireHash(`proof[${i}]`, p));
  const expectedLength = consistencyProofSize(size1, size2);
  if (proof.length !== expectedLength) {
    throw new VerificationError('wrong-proof-size', `a consistency proof from ${size1} to ${size2} has ${expectedLength} hashes, this one has ${proof.length}`, {
      expected: String(expectedLength),
      computed: String(proof.length),
    });
  }
  if (size1 === size2) return requireRootsEqual('trees of equal size must have equal roots', root1, root2);
  if (size1 === 0) return requireRootsEqual('the empty tree has root SHA-256("")', emptyRoot(), root1);
  const [fr, sr] = walkConsistency(size1, size2, proof, root1);
  requireRootsEqual('the consistency proof does not lead to the old root', root1, fr);
  requireRootsEqual('the consistency proof does not lead to the new root', root2, sr);
}
