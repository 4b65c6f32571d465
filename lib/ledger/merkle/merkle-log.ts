import { emptyRoot } from '@/lib/verify';
import { fastNodeHash } from './fast-hash';
import { HASH_SIZE, hashAt, packHashes } from './packed-hashes';
import { consistencyPath, inclusionPath, largestPowerOfTwoBelow } from './proof-paths';

/**
 * A growing RFC 6962 log held in memory (the anchor log: one leaf per sealed
 * period). Level k keeps the hash of every complete, aligned block of 2^k
 * leaves, so appending costs one hash on average, and any root or proof, for
 * the current size or any earlier one, costs O(log² n) hashes. Memory is
 * about 64 bytes per leaf: 64 MB for a million periods.
 */
export class MerkleLog {
  private readonly levels: { hashes: Uint8Array; count: number }[] = [];

  /** Starts from leaf hashes H(0x00 || data), given as a list or packed. */
  constructor(leafHashes: readonly Uint8Array[] | Uint8Array = []) {
    const packed = packHashes(leafHashes);
    for (let i = 0; i < packed.length / HASH_SIZE; i++) this.append(hashAt(packed, i));
  }

  get size(): number {
    return this.levels[0]?.count ?? 0;
  }

  /** Appends one leaf hash (32 bytes). */
  append(leafHash: Uint8Array): void {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) throw new RangeError('MerkleLog.append: a leaf hash is 32 bytes');
    this.push(0, leafHash);
    for (let k = 0; this.levels[k]!.count % 2 === 0; k++) {
      const level = this.levels[k]!;
      const pair = level.hashes.subarray((level.count - 2) * HASH_SIZE, level.count * HASH_SIZE);
      this.push(k + 1, fastNodeHash(pair.subarray(0, HASH_SIZE), pair.subarray(HASH_SIZE)));
    }
  }

  /** The leaf hash at `index`. requires: 0 <= index < size. */
  leafHash(index: number): Uint8Array {
    this.requireIndex(index, this.size);
    return hashAt(this.levels[0]!.hashes, index).slice();
  }

  /** MTH of the first `size` leaves. requires: 0 <= size <= this.size. */
  root(size = this.size): Uint8Array {
    this.requireIndex(size, this.size + 1);
    return size === 0 ? emptyRoot() : this.rangeHash(0, size);
  }

  /** Inclusion proof of leaf `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.requireIndex(size, this.size + 1);
    return inclusionPath(this.rangeHash, index, size);
  }

  /** Consistency proof from the tree of size1 leaves to that of size2. */
  consistencyProof(size1: number, size2 = this.size): Uint8Array[] {
    this.requireIndex(size2, this.size + 1);
    return consistencyPath(this.rangeHash, size1, size2);
  }

  /**
   * MTH(D[start:end]) for the subtrees RFC 6962 uses: an aligned power-of-two
   * block is read from its level; any other range splits at the largest
   * power of two, whose left part is always such a block.
   */
  private readonly rangeHash = (start: number, end: number): Uint8Array => {
    const n = end - start;
    const k = Math.log2(n);
    if (Number.isInteger(k) && start % n === 0) return hashAt(this.levels[k]!.hashes, start / n).slice();
    const split = largestPowerOfTwoBelow(n);
    return fastNodeHash(this.rangeHash(start, start + split), this.rangeHash(start + split, end));
  };

  private push(k: number, hash: Uint8Array): void {
    const level = (this.levels[k] ??= { hashes: new Uint8Array(64 * HASH_SIZE), count: 0 });
    if ((level.count + 1) * HASH_SIZE > level.hashes.length) {
      const grown = new Uint8Array(level.hashes.length * 2);
      grown.set(level.hashes);
      level.hashes = grown;
    }
    level.hashes.set(hash, level.count * HASH_SIZE);
    level.count++;
  }

  private requireIndex(value: number, limit: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value >= limit) throw new RangeError(`MerkleLog: ${value} is out of range (log size ${this.size})`);
  }
}
