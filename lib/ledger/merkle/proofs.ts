import { MerkleLog } from './merkle-log';

/**
 * RFC 9162 roots and proofs over a plain list of leaf hashes (H(0x00 ||
 * data)), for small trees such as the identifiers named by one event. For
 * the anchor log, keep one MerkleLog instead of rebuilding it per proof.
 */

type TLeaves = readonly Uint8Array[] | Uint8Array;

/** MTH of the first `size` leaves (all by default). requires: 0 <= size <= leaves. */
export function merkleRoot(leafHashes: TLeaves, size?: number): Uint8Array {
  const log = new MerkleLog(leafHashes);
  return log.root(size ?? log.size);
}

/** PATH(index, D[0:size]). requires: 0 <= index < size <= leaves. */
export function inclusionProof(leafHashes: TLeaves, index: number, size?: number): Uint8Array[] {
  const log = new MerkleLog(leafHashes);
  return log.inclusionProof(index, size ?? log.size);
}

/** PROOF(size1, D[0:size2]). requires: 0 <= size1 <= size2 <= leaves. */
export function consistencyProof(leafHashes: TLeaves, size1: number, size2?: number): Uint8Array[] {
  const log = new MerkleLog(leafHashes);
  return log.consistencyProof(size1, size2 ?? log.size);
}
