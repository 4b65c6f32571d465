import type { Queryable } from '@/lib/db';
import { fromHex, GENESIS_PREV_HASH } from '@/lib/verify';
import { computeAnchorHash, type TAnchorRow } from '../anchor-hash';
import type { TStoredAnchor } from '../anchor-rows';
import type { TPeriodLeaves } from './read-period-leaves';

/**
 * The anchor row of the period after `previous` (null for the first):
 * periods are contiguous in time (each starts where the previous ended; the
 * first at its earliest event) and in event ids, and each names the
 * previous anchor's hash (32 zero bytes for the first).
 *
 * record_time is the capturing transaction's clock, and transactions commit
 * in any order, so a period's latest record_time can lie before the
 * previous period's end; the end is then held at the start. The id range
 * (first and last event id, fenced by lib/ledger/fence.ts) is what decides
 * which events a period holds; the times are for people.
 */
export function nextAnchorRow(previous: TStoredAnchor | null, period: TPeriodLeaves, root: Uint8Array): TAnchorRow & { hash: Uint8Array } {
  const periodStart = previous?.periodEnd ?? period.firstRecordTime;
  const periodEnd = period.lastRecordTime > periodStart ? period.lastRecordTime : periodStart;
  const row: TAnchorRow = {
    seq: previous ? previous.seq + 1 : 0,
    periodStart,
    periodEnd,
    firstEventId: period.firstEventId,
    lastEventId: period.lastEventId,
    treeSize: period.size,
    root,
    prevHash: previous ? previous.hash : fromHex(GENESIS_PREV_HASH),
  };
  return { ...row, hash: computeAnchorHash(row) };
}

/** Appends the anchor to the chain (anchors is append-only; seq is its primary key). */
export async function insertAnchor(tx: Queryable, anchor: TAnchorRow & { hash: Uint8Array }): Promise<Date> {
  const { rows } = await tx.query<{ sealed_at: Date }>(
    `INSERT INTO anchors (seq, period_start, period_end, first_event_id, last_event_id, tree_size, root, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING sealed_at`,
    [
      anchor.seq,
      anchor.periodStart,
      anchor.periodEnd,
      anchor.firstEventId.toString(),
      anchor.lastEventId.toString(),
      anchor.treeSize,
      Buffer.from(anchor.root),
      Buffer.from(anchor.prevHash),
      Buffer.from(anchor.hash),
    ],
  );
  return rows[0]!.sealed_at;
}
