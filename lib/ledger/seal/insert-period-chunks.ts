import type { Queryable } from '@/lib/db';
import { CHUNK_SIZE, HASH_SIZE } from '@/lib/ledger/merkle';
import type { TPeriodLeaves } from './read-period-leaves';

const ID_SIZE = 8;

/**
 * The whole period travels in three binary parameters (event ids, leaf
 * hashes and chunk roots, each packed) and Postgres cuts them into rows of
 * 1024: one statement and one round trip per period, with no hex or array
 * text encoding of 40 MB of ids and hashes for a million events.
 */
const INSERT_CHUNKS = `
  INSERT INTO ledger_chunks (anchor_seq, chunk_index, first_event_id, event_ids, leaf_hashes, root)
  SELECT $1, i, ($5::bigint[])[i + 1],
         substring($2::bytea FROM i * ${CHUNK_SIZE * ID_SIZE} + 1 FOR ${CHUNK_SIZE * ID_SIZE}),
         substring($3::bytea FROM i * ${CHUNK_SIZE * HASH_SIZE} + 1 FOR ${CHUNK_SIZE * HASH_SIZE}),
         substring($4::bytea FROM i * ${HASH_SIZE} + 1 FOR ${HASH_SIZE})
  FROM generate_series(0, cardinality($5::bigint[]) - 1) AS i`;

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/**
 * Stores a period's leaves in ledger_chunks: 1024 per row, in leaf order,
 * with each chunk's subtree root, so a proof later reads one row.
 * requires: chunkRoots[i] is the root of chunk i of `period`.
 */
export async function insertPeriodChunks(tx: Queryable, anchorSeq: number, period: TPeriodLeaves, chunkRoots: readonly Uint8Array[]): Promise<void> {
  const chunkCount = period.chunkFirstIds.length;
  if (chunkRoots.length !== chunkCount) throw new RangeError(`insertPeriodChunks: ${chunkCount} chunks but ${chunkRoots.length} roots`);
  const firstIds = period.chunkFirstIds.map(String);
  const values = [anchorSeq, asBuffer(period.eventIds), asBuffer(period.leafHashes), Buffer.concat(chunkRoots), firstIds];
  const { rowCount } = await tx.query(INSERT_CHUNKS, values);
  if (rowCount !== chunkCount) throw new Error(`insertPeriodChunks: stored ${rowCount} of ${chunkCount} chunks`);
}
