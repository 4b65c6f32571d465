import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { CHUNK_SIZE, inclusionPathFromChunks } from '@/lib/ledger/merkle';
import type { TStoredAnchor } from '../anchor-rows';

type TChunkRow = { chunk_index: number; event_ids: Buffer; leaf_hashes: Buffer };

/** Position of `id` among the chunk's big-endian int64 ids (ascending), or -1. */
function positionInChunk(eventIds: Buffer, id: bigint): number {
  let low = 0;
  let high = eventIds.length / 8 - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = eventIds.readBigInt64BE(middle * 8);
    if (value === id) return middle;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function notInChunks(anchor: TStoredAnchor, id: bigint): AppError {
  return new AppError('ledger_integrity_failure', `Event ${id} lies in the id range of period #${anchor.seq} but is not among its sealed leaves.`);
}

/**
 * The event's leaf index and RFC 9162 inclusion path in its period tree,
 * from ONE chunk (1024 leaves, 40 KB) and the chunk roots of the period (32
 * bytes per 1024 events), however large the period.
 */
export async function readPeriodPath(db: Queryable, anchor: TStoredAnchor, eventDbId: bigint): Promise<{ leafIndex: number; path: Uint8Array[] }> {
  const { rows } = await db.query<TChunkRow>(
    `SELECT chunk_index, event_ids, leaf_hashes FROM ledger_chunks
     WHERE first_event_id <= $1 AND anchor_seq = $2 ORDER BY first_event_id DESC LIMIT 1`,
    [eventDbId.toString(), anchor.seq],
  );
  const chunk = rows[0];
  const position = chunk ? positionInChunk(chunk.event_ids, eventDbId) : -1;
  if (!chunk || position < 0) throw notInChunks(anchor, eventDbId);
  const roots = await db.query<{ root: Buffer }>('SELECT root FROM ledger_chunks WHERE anchor_seq = $1 ORDER BY chunk_index', [anchor.seq]);
  const leafIndex = chunk.chunk_index * CHUNK_SIZE + position;
  try {
    const chunkRoots = roots.rows.map((row) => new Uint8Array(row.root));
    return { leafIndex, path: inclusionPathFromChunks({ leafIndex, treeSize: anchor.treeSize, chunkLeafHashes: new Uint8Array(chunk.leaf_hashes), chunkRoots }) };
  } catch (error) {
    // Chunks of the wrong length or number: the stored period no longer has the shape its anchor states.
    if (error instanceof RangeError) throw new AppError('ledger_integrity_failure', `The stored chunks of period #${anchor.seq} do not form its tree: ${error.message}.`);
    throw error;
  }
}
