import { createHash } from 'node:crypto';
import { MerkleTree } from 'merkletreejs';
import { emptyRoot } from '@/lib/verify';
import { HASH_SIZE, packHashes } from './packed-hashes';

/**
 * The period root computed by merkletreejs, configured as RFC 6962 asks:
 * leaves passed already hashed (H(0x00 || data)), SHA-256, a concatenator
 * that prepends 0x01 to each pair, and none of sort*, duplicateOdd,
 * complete, fillDefaultHash, hashLeaves. merkletreejs moves a lone last node
 * up unchanged, which matches RFC 6962's split at the largest power of two
 * for every size (docs/decisions/031; tested for every size up to 300 and
 * random larger ones).
 *
 * It is the independent second implementation: the audit recomputes period
 * roots with it and with buildPeriodTree, and tests compare both. It is
 * 2.5 to 5 times slower than buildPeriodTree (docs/decisions/033), so it is
 * not the sealing path. Its verify() is never used: lib/verify checks proofs.
 */
export function merkletreejsRoot(leafHashes: readonly Uint8Array[] | Uint8Array): Uint8Array {
  const packed = packHashes(leafHashes);
  const count = packed.length / HASH_SIZE;
  // merkletreejs has no empty tree; RFC 6962 defines its root as SHA-256("").
  if (count === 0) return emptyRoot();
  const leaves = Array.from({ length: count }, (_, i) => Buffer.from(packed.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
  const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
  const prependNodePrefix = (pair: Buffer[]): Buffer => Buffer.concat([Buffer.from([0x01]), ...pair]);
  const tree = new MerkleTree(leaves, sha256, {
    concatenator: prependNodePrefix,
    hashLeaves: false,
    sortLeaves: false,
    sortPairs: false,
    sort: false,
    duplicateOdd: false,
    complete: false,
    isBitcoinTree: false,
  });
  return new Uint8Array(tree.getRoot());
}
