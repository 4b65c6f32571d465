import type { Queryable } from '@/lib/db';

/** A signed checkpoint as stored in `checkpoints`. */
export type TStoredCheckpoint = { treeSize: number; rootHash: Uint8Array; note: string; createdAt: Date };

type TCheckpointRow = { tree_size: number; root_hash: Buffer; note: string; created_at: Date };

export const CHECKPOINT_COLUMNS = 'tree_size, root_hash, note, created_at';

export function checkpointFromDb(row: TCheckpointRow): TStoredCheckpoint {
  return { treeSize: row.tree_size, rootHash: new Uint8Array(row.root_hash), note: row.note, createdAt: row.created_at };
}

/** The checkpoint of the largest anchor log signed so far, or null before the first seal. */
export async function readLatestCheckpoint(db: Queryable): Promise<TStoredCheckpoint | null> {
  const { rows } = await db.query<TCheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints ORDER BY tree_size DESC LIMIT 1`);
  return rows[0] ? checkpointFromDb(rows[0]) : null;
}
