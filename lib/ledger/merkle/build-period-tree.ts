import { emptyRoot } from '@/lib/verify';
import { hashLevel } from './fast-hash';
import { HASH_SIZE, hashAt, packHashes, unpackHashes } from './packed-hashes';

/**
 * Leaves per stored chunk of a period (ledger_chunks). 1024 = 2^10, so every
 * full chunk is a perfect subtree of the period tree, and so is the last,
 * partial one (docs/decisions/031).
 */
export const CHUNK_SIZE = 1024;
const CHUNK_LEVEL = 10;

export type TPeriodTree = {
  /** RFC 6962 root (SHA-256("") for no leaves). */
  root: Uint8Array;
  size: number;
  /** Root of each aligned 1024-leaf chunk, the last one possibly partial. */
  chunkRoots: Uint8Array[];
};

/**
 * Builds the RFC 6962 tree of a period level by level over packed hashes
 * (about 1 µs per leaf on one core; docs/decisions/033) and keeps the level
 * of chunk roots on the way up, so a proof later needs one chunk and the
 * chunk roots instead of the whole period.
 * requires: every leaf hash is 32 bytes (H(0x00 || leaf data)).
 */
export function buildPeriodTree(leafHashes: readonly Uint8Array[] | Uint8Array): TPeriodTree {
  let level = packHashes(leafHashes);
  const size = level.length / HASH_SIZE;
  if (size === 0) return { root: emptyRoot(), size, chunkRoots: [] };
  let count = size;
  let chunkRoots: Uint8Array[] | undefined;
  for (let depth = 0; count > 1; depth++) {
    if (depth === CHUNK_LEVEL) chunkRoots = unpackHashes(level.slice(0, count * HASH_SIZE));
    level = hashLevel(level, count);
    count = Math.ceil(count / 2);
  }
  const root = hashAt(level, 0).slice();
  return { root, size, chunkRoots: chunkRoots ?? [root] };
}
