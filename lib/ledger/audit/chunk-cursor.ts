import type { Queryable } from '@/lib/db';

/** A stored chunk of a sealed period (ledger_chunks row). */
export type TStoredChunk = { anchorSeq: number; chunkIndex: number; firstEventId: bigint; eventIds: Buffer; leafHashes: Buffer; root: Buffer };

type TChunkRow = { anchor_seq: number; chunk_index: number; first_event_id: string; event_ids: Buffer; leaf_hashes: Buffer; root: Buffer };

/** 64 chunks (65,536 events, 2.6 MB) per query. */
const BATCH = 64;

/** Walks ledger_chunks in (anchor_seq, chunk_index) order, a batch at a time. */
export class ChunkCursor {
  private batch: TStoredChunk[] = [];
  private position = 0;
  private after: [number, number] = [-1, -1];
  private exhausted = false;

  constructor(private readonly db: Queryable) {}

  async peek(): Promise<TStoredChunk | null> {
    if (this.position >= this.batch.length && !this.exhausted) await this.load();
    return this.batch[this.position] ?? null;
  }

  advance(): void {
    this.position++;
  }

  private async load(): Promise<void> {
    const { rows } = await this.db.query<TChunkRow>(
      `SELECT anchor_seq, chunk_index, first_event_id::text AS first_event_id, event_ids, leaf_hashes, root FROM ledger_chunks
       WHERE (anchor_seq, chunk_index) > ($1, $2) ORDER BY anchor_seq, chunk_index LIMIT $3`,
      [...this.after, BATCH],
    );
    this.exhausted = rows.length < BATCH;
    this.position = 0;
    this.batch = rows.map((row) => ({
      anchorSeq: row.anchor_seq,
      chunkIndex: row.chunk_index,
      firstEventId: BigInt(row.first_event_id),
      eventIds: row.event_ids,
      leafHashes: row.leaf_hashes,
      root: row.root,
    }));
    const last = this.batch.at(-1);
    if (last) this.after = [last.anchorSeq, last.chunkIndex];
  }
}
