import type { Queryable } from '@/lib/db';
import type { TAnchorRow } from './anchor-hash';

/** An anchor row as stored, with its hash and the time it was sealed. */
export type TStoredAnchor = TAnchorRow & { hash: Uint8Array; sealedAt: Date };

/** The columns every anchor query selects, in the shape anchorFromDb reads. */
export const ANCHOR_COLUMNS =
  'seq, period_start, period_end, first_event_id::text AS first_event_id, last_event_id::text AS last_event_id, tree_size, root, prev_hash, hash, sealed_at';

export type TAnchorDbRow = {
  seq: number;
  period_start: Date;
  period_end: Date;
  first_event_id: string;
  last_event_id: string;
  tree_size: number;
  root: Buffer;
  prev_hash: Buffer;
  hash: Buffer;
  sealed_at: Date;
};

/** Event ids arrive as text: bigint ids can exceed 2^53 and must never pass through a number. */
export function anchorFromDb(row: TAnchorDbRow): TStoredAnchor {
  return {
    seq: row.seq,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    firstEventId: BigInt(row.first_event_id),
    lastEventId: BigInt(row.last_event_id),
    treeSize: row.tree_size,
    root: new Uint8Array(row.root),
    prevHash: new Uint8Array(row.prev_hash),
    hash: new Uint8Array(row.hash),
    sealedAt: row.sealed_at,
  };
}

/** The most recently sealed anchor, or null before the first seal. */
export async function readLatestAnchor(db: Queryable): Promise<TStoredAnchor | null> {
  const { rows } = await db.query<TAnchorDbRow>(`SELECT ${ANCHOR_COLUMNS} FROM anchors ORDER BY seq DESC LIMIT 1`);
  return rows[0] ? anchorFromDb(rows[0]) : null;
}

/** The anchor whose period holds event `eventDbId` (by id range), or null if it is not sealed yet. */
export async function readAnchorContaining(db: Queryable, eventDbId: bigint): Promise<TStoredAnchor | null> {
  const { rows } = await db.query<TAnchorDbRow>(
    `SELECT ${ANCHOR_COLUMNS} FROM anchors WHERE anchors.first_event_id <= $1 ORDER BY anchors.first_event_id DESC LIMIT 1`,
    [eventDbId.toString()],
  );
  const anchor = rows[0] ? anchorFromDb(rows[0]) : null;
  return anchor && anchor.lastEventId >= eventDbId ? anchor : null;
}
