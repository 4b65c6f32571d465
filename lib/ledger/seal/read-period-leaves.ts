import type pg from 'pg';
import { AppError } from '@/lib/errors';
import { CHUNK_SIZE, HASH_SIZE } from '@/lib/ledger/merkle';
import { ChunkHasher } from './chunk-hasher';
import { streamRows } from './stream-rows';

/**
 * The events of the next period, as sealing needs them: ids and leaf hashes
 * in id order, packed end to end (32 MB of hashes and 8 MB of ids for a
 * million events); chunks are every 1024 of them, in that order.
 */
export type TPeriodLeaves = {
  size: number;
  /** 32-byte leaf hashes, packed, in leaf order. */
  leafHashes: Uint8Array;
  /** Big-endian int64 event ids, packed, in leaf order. */
  eventIds: Uint8Array;
  /** The first event id of each chunk of 1024. */
  chunkFirstIds: bigint[];
  /** The RFC 6962 root of each chunk: the period tree's level-10 nodes. */
  chunkRoots: Uint8Array[];
  firstEventId: bigint;
  lastEventId: bigint;
  /** Earliest and latest record_time among the period's events. */
  firstRecordTime: Date;
  lastRecordTime: Date;
};

type TRangeRow = {
  n: number;
  first_time: Date;
  last_time: Date;
  event_ids: Buffer;
  leaf_hashes: Buffer;
  well_formed: boolean;
};

/** Ids per range read: a dense run of ids is then one chunk per row. */
const RANGE = CHUNK_SIZE;

/**
 * The waiting events as one row per range of 1024 ids, so a period of a
 * million events arrives as about a thousand rows instead of a million.
 * The period spans the ids from the first waiting one to at most maxEvents
 * further (and not past the high-water mark): at most maxEvents events,
 * exactly that many when no ids were skipped by rolled-back captures. Each
 * range concatenates its ids (int8send) and leaf hashes from an index range
 * scan of its own: no numbering or sort of the whole period (grouping rows
 * numbered by row_number() made Postgres sort a million rows on disk, and
 * numbering them alone took 0.4 s). Leaf hashes were computed when the
 * events were recorded; sealing reads them.
 */
const READ_RANGES = `
  WITH waiting AS (SELECT min(id) AS first FROM events WHERE id > $1 AND id <= $2),
  span AS (SELECT first, least($2, first + $3 - 1) AS last FROM waiting)
  SELECT r.* FROM span
  CROSS JOIN LATERAL generate_series(span.first, span.last, ${RANGE}) AS lo
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, min(record_time) AS first_time, max(record_time) AS last_time,
           string_agg(int8send(id), ''::bytea ORDER BY id) AS event_ids,
           string_agg(leaf_hash, ''::bytea ORDER BY id) AS leaf_hashes,
           bool_and(octet_length(leaf_hash) = ${HASH_SIZE}) AS well_formed
    FROM events WHERE id >= lo AND id < lo + ${RANGE} AND id <= span.last
  ) r
  WHERE r.n > 0
  ORDER BY lo`;

/**
 * The next period's events: ids after `afterEventId` up to the fence's
 * high-water mark, at most `maxEvents`, in id order, with the root of each
 * chunk of 1024. Null when none wait.
 *
 * Each chunk's subtree root is computed as soon as its leaves have arrived,
 * while Postgres is still reading the rows after them: hashing the period
 * (about one hash per event) overlaps the read instead of following it. The
 * period root is then the RFC 6962 root over the chunk roots, which is the
 * root over all the leaves (docs/decisions/031).
 */
export async function readPeriodLeaves(db: pg.ClientBase, afterEventId: bigint, highWaterMark: bigint, maxEvents: number): Promise<TPeriodLeaves | null> {
  if (highWaterMark <= afterEventId) return null;
  const rows: TRangeRow[] = [];
  const hasher = new ChunkHasher();
  await streamRows<TRangeRow>(db, READ_RANGES, [afterEventId.toString(), highWaterMark.toString(), maxEvents], (row) => {
    requireWellFormed(row);
    rows.push(row);
    hasher.add(row.leaf_hashes);
  });
  if (rows.length === 0) return null;
  const eventIds = packed(rows.map((row) => row.event_ids));
  const size = eventIds.length / 8;
  const ids = new DataView(eventIds.buffer, eventIds.byteOffset, eventIds.length);
  return {
    size,
    leafHashes: packed(rows.map((row) => row.leaf_hashes)),
    eventIds,
    chunkFirstIds: Array.from({ length: Math.ceil(size / CHUNK_SIZE) }, (_, i) => ids.getBigInt64(i * CHUNK_SIZE * 8)),
    chunkRoots: hasher.finish(),
    firstEventId: ids.getBigInt64(0),
    lastEventId: ids.getBigInt64((size - 1) * 8),
    firstRecordTime: rows.reduce((min, row) => (row.first_time < min ? row.first_time : min), rows[0]!.first_time),
    lastRecordTime: rows.reduce((max, row) => (row.last_time > max ? row.last_time : max), rows[0]!.last_time),
  };
}

/** Every leaf hash must be SHA-256 output: one of another length would shift the packed hashes and seal a tree nobody could reproduce. */
function requireWellFormed(row: TRangeRow): void {
  if (!row.well_formed || row.leaf_hashes.length !== row.n * HASH_SIZE || row.event_ids.length !== row.n * 8) {
    const first = row.event_ids.length >= 8 ? row.event_ids.readBigInt64BE(0) : '?';
    throw new AppError('ledger_integrity_failure', `Events from id ${first} cannot be sealed: a stored leaf hash is not ${HASH_SIZE} bytes.`);
  }
}

function packed(parts: Buffer[]): Uint8Array {
  const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}
