import { getPool } from '@/lib/db';
import type { TAnchor } from '@/lib/verify';
import { anchorFromRow } from '../anchor-hash';
import { ANCHOR_COLUMNS, anchorFromDb, type TAnchorDbRow } from '../anchor-rows';

export const MAX_ANCHORS_PER_PAGE = 1000;

export type TAnchorPageQuery = {
  limit: number;
  /** Newest first, from the anchor just below this seq (the previous page's `nextBefore`). */
  before?: number;
  /** Oldest first, from the anchor just above this seq: for monitors following the chain. */
  after?: number;
};

export type TAnchorPage = {
  /** Anchors in the proof bundle's form (hex hashes, decimal ids). */
  items: TAnchor[];
  /** Cursor for the next page in the same direction, null at the end. */
  nextBefore?: number | null;
  nextAfter?: number | null;
};

/**
 * A page of the anchor chain. Without a cursor, the newest anchors first.
 * requires: 1 <= limit <= MAX_ANCHORS_PER_PAGE; at most one of before/after.
 */
export async function listAnchors(query: TAnchorPageQuery): Promise<TAnchorPage> {
  const ascending = query.after !== undefined;
  const { rows } = ascending
    ? await getPool().query<TAnchorDbRow>(`SELECT ${ANCHOR_COLUMNS} FROM anchors WHERE seq > $1 ORDER BY seq LIMIT $2`, [query.after, query.limit + 1])
    : await getPool().query<TAnchorDbRow>(`SELECT ${ANCHOR_COLUMNS} FROM anchors WHERE seq < $1 ORDER BY seq DESC LIMIT $2`, [query.before ?? 2 ** 31 - 1, query.limit + 1]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map((row) => anchorFromRow(anchorFromDb(row)));
  const cursor = more ? items.at(-1)!.seq : null;
  return ascending ? { items, nextAfter: cursor } : { items, nextBefore: cursor };
}
