import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/**
 * RFC 6962 / RFC 9162 §2.1.1 hashing with SHA-256. The 0x00 and 0x01 prefixes
 * separate leaves from interior nodes, so no leaf can be passed off as a
 * node (second-preimage attacks on the tree).
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** MTH of the empty tree: SHA-256 of the empty string. */
export function emptyRoot(): Uint8Array {
  return nobleSha256(new Uint8Array(0));
}

/** H(0x00 || data). */
export function leafHash(data: Uint8Array): Uint8Array {
  return nobleSha256.create().update(Uint8Array.of(LEAF_PREFIX)).update(data).digest();
}

/**
 * H(0x01 || left || right).
 * requires: both are 32-byte hashes.
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) throw new TypeError('nodeHash: children must be 32-byte hashes');
  const input = new Uint8Array(1 + 2 * HASH_SIZE);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HASH_SIZE);
  return nobleSha256(input);
}
