import { AppError } from '@/lib/errors';
import { bytesEqual, toHex } from '@/lib/verify';
import { CHUNK_SIZE } from './build-period-tree';
import { MerkleLog } from './merkle-log';
import { HASH_SIZE, packHashes } from './packed-hashes';

export type TChunkedInclusionInput = {
  /** Position of the leaf in the period. */
  leafIndex: number;
  /** Number of leaves in the period. */
  treeSize: number;
  /** The leaf hashes of the chunk holding the leaf (chunk floor(leafIndex / 1024)), as a list or packed. */
  chunkLeafHashes: readonly Uint8Array[] | Uint8Array;
  /** Roots of all chunks of the period, in order (buildPeriodTree's chunkRoots). */
  chunkRoots: readonly Uint8Array[];
};

function requireShape({ leafIndex, treeSize, chunkRoots }: TChunkedInclusionInput, chunkLength: number): number {
  if (!Number.isSafeInteger(treeSize) || !Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`inclusionPathFromChunks: requires 0 <= leafIndex < treeSize, got ${leafIndex} and ${treeSize}`);
  }
  const chunk = Math.floor(leafIndex / CHUNK_SIZE);
  const expectedLength = Math.min(CHUNK_SIZE, treeSize - chunk * CHUNK_SIZE);
  if (chunkRoots.length !== Math.ceil(treeSize / CHUNK_SIZE)) {
    throw new RangeError(`inclusionPathFromChunks: a period of ${treeSize} leaves has ${Math.ceil(treeSize / CHUNK_SIZE)} chunks, got ${chunkRoots.length} roots`);
  }
  if (chunkLength !== expectedLength) throw new RangeError(`inclusionPathFromChunks: chunk ${chunk} must hold ${expectedLength} leaf hashes, got ${chunkLength}`);
  return chunk;
}

/**
 * The RFC 9162 inclusion path of a period leaf from one stored chunk and
 * the chunk roots: the path inside the chunk's subtree, then the path of
 * that chunk in the tree whose leaves are the chunk roots. Both are subtrees
 * of the period tree (docs/decisions/031), so this equals the path computed
 * over the whole period, which tests check for many sizes and indices.
 * Throws ledger_chunk_mismatch when the stored chunk does not hash to its
 * stored root: a corrupt chunk must not yield a proof that then fails.
 */
export function inclusionPathFromChunks(input: TChunkedInclusionInput): Uint8Array[] {
  const leaves = packHashes(input.chunkLeafHashes);
  const chunk = requireShape(input, leaves.length / HASH_SIZE);
  const inChunk = new MerkleLog(leaves);
  const expectedRoot = input.chunkRoots[chunk]!;
  if (!bytesEqual(inChunk.root(), expectedRoot)) {
    const detail = `Chunk ${chunk} of the period hashes to ${toHex(inChunk.root())}, not to its stored root ${toHex(expectedRoot)}.`;
    throw new AppError('ledger_chunk_mismatch', detail);
  }
  const lower = inChunk.inclusionProof(input.leafIndex - chunk * CHUNK_SIZE);
  const upper = input.chunkRoots.length === 1 ? [] : new MerkleLog(input.chunkRoots).inclusionProof(chunk);
  return [...lower, ...upper];
}
