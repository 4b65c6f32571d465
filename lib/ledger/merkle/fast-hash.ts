import { hash } from 'node:crypto';

/**
 * Server-side SHA-256 for the hot paths (sealing a period hashes every event
 * twice: once as a leaf, once inside the tree). node:crypto's one-shot
 * `hash()` over a reused scratch buffer is the fastest way Node offers for
 * many small inputs: about 1.5x createHash() per call and 2x @noble/hashes
 * (figures in docs/decisions/033). Results are identical to lib/verify's
 * leafHash and nodeHash, which tests check.
 */

const HASH_SIZE = 32;
const nodeScratch = new Uint8Array(1 + 2 * HASH_SIZE);
nodeScratch[0] = 0x01;
let leafScratch = new Uint8Array(1024);

function sha256(data: Uint8Array): Uint8Array {
  return hash('sha256', data, 'buffer');
}

/** H(0x00 || data). */
export function fastLeafHash(data: Uint8Array): Uint8Array {
  if (leafScratch.length < data.length + 1) leafScratch = new Uint8Array(2 * (data.length + 1));
  leafScratch[0] = 0x00;
  leafScratch.set(data, 1);
  return sha256(leafScratch.subarray(0, data.length + 1));
}

/**
 * H(0x01 || left || right) where `pair` is the 64 bytes left || right.
 * requires: pair.length === 64.
 */
export function fastNodeHashOfPair(pair: Uint8Array): Uint8Array {
  if (pair.length !== 2 * HASH_SIZE) throw new RangeError('fastNodeHashOfPair: expected 64 bytes');
  nodeScratch.set(pair, 1);
  return sha256(nodeScratch);
}

/** H(0x01 || left || right). requires: both 32 bytes. */
export function fastNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) throw new RangeError('fastNodeHash: children must be 32-byte hashes');
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return sha256(nodeScratch);
}

/**
 * The next level up of a level of `count` packed 32-byte nodes: pairs are
 * hashed left to right and a last odd node moves up unchanged, which is
 * exactly RFC 6962's split at the largest power of two (see
 * docs/decisions/031 for why).
 * requires: level.length >= count * 32; count >= 1.
 */
export function hashLevel(level: Uint8Array, count: number): Uint8Array {
  if (!Number.isSafeInteger(count) || count < 1 || level.length < count * HASH_SIZE) throw new RangeError('hashLevel: bad level');
  const pairs = Math.floor(count / 2);
  const next = new Uint8Array(Math.ceil(count / 2) * HASH_SIZE);
  for (let i = 0; i < pairs; i++) {
    nodeScratch.set(level.subarray(i * 2 * HASH_SIZE, (i + 1) * 2 * HASH_SIZE), 1);
    next.set(sha256(nodeScratch), i * HASH_SIZE);
  }
  if (count % 2 === 1) next.set(level.subarray((count - 1) * HASH_SIZE, count * HASH_SIZE), pairs * HASH_SIZE);
  return next;
}
