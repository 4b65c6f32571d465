import type { Queryable } from '@/lib/db';
import type { TSealState } from './seal-policy';

type TStateRow = { now: Date; sealed_at: Date | null; waiting: number; oldest: Date | null };

/**
 * The waiting count stops at `countUpTo` (an index range scan of at most
 * that many entries), so polling stays cheap however large a backlog grows.
 */
const READ_STATE = `
  WITH last AS (SELECT last_event_id, sealed_at FROM anchors ORDER BY seq DESC LIMIT 1),
  after AS (SELECT coalesce((SELECT last_event_id FROM last), 0) AS id)
  SELECT clock_timestamp() AS now,
         (SELECT sealed_at FROM last) AS sealed_at,
         (SELECT count(*)::int FROM (SELECT 1 FROM events WHERE id > (SELECT id FROM after) ORDER BY id LIMIT $1) w) AS waiting,
         (SELECT record_time FROM events WHERE id > (SELECT id FROM after) ORDER BY id LIMIT 1) AS oldest`;

/** The sealing timer's view of the ledger: last seal, waiting events, the database's clock. */
export async function readSealState(db: Queryable, countUpTo: number): Promise<TSealState> {
  const { rows } = await db.query<TStateRow>(READ_STATE, [countUpTo]);
  const row = rows[0]!;
  return { now: row.now, lastSealedAt: row.sealed_at, waiting: row.waiting, oldestWaitingAt: row.oldest };
}
