import type { Queryable } from '@/lib/db';

/** An event row as the audit reads it, with the identifier keys stored for it. */
export type TAuditedEvent = {
  id: bigint;
  eventId: string;
  publicRecord: string;
  privateRecord: unknown;
  salt: Buffer;
  leafHash: Buffer;
  /** record_time in milliseconds since 1970. */
  recordTimeMs: number;
  epcs: string[];
};

type TEventRow = { id: string; event_id: string; public_record: string; private_record: unknown; salt: Buffer; leaf_hash: Buffer; record_ms: number };

/**
 * Walks the events table in id order, a batch at a time (keyset paging on
 * the primary key), so auditing five million events holds two batches in
 * memory, not five million rows. The next batch is asked for as soon as one
 * is handed out, so Postgres reads it while the audit hashes this one.
 */
export class EventCursor {
  private batch: TAuditedEvent[] = [];
  private position = 0;
  private next: Promise<TAuditedEvent[]> | undefined;
  private exhausted = false;

  constructor(
    private readonly db: Queryable,
    private readonly batchSize: number,
  ) {}

  /** The next event without consuming it, or null after the last. */
  async peek(): Promise<TAuditedEvent | null> {
    if (this.position >= this.batch.length && !this.exhausted) {
      this.batch = await (this.next ?? this.load(0n));
      this.position = 0;
      this.exhausted = this.batch.length < this.batchSize;
      this.next = this.exhausted ? undefined : this.load(this.batch.at(-1)!.id);
      // Marked handled: if the audit stops before awaiting it, its failure must not crash the process.
      this.next?.catch(() => undefined);
    }
    return this.batch[this.position] ?? null;
  }

  /** Consumes the event peek() returned. */
  advance(): void {
    this.position++;
  }

  private async load(afterId: bigint): Promise<TAuditedEvent[]> {
    const { rows } = await this.db.query<TEventRow>(
      `SELECT id::text AS id, event_id, public_record, private_record, salt, leaf_hash,
              (extract(epoch FROM record_time) * 1000)::float8 AS record_ms
       FROM events WHERE id > $1 ORDER BY events.id LIMIT $2`,
      [afterId.toString(), this.batchSize],
    );
    const batch = rows.map((row) => ({
      id: BigInt(row.id),
      eventId: row.event_id,
      publicRecord: row.public_record,
      privateRecord: row.private_record,
      salt: row.salt,
      leafHash: row.leaf_hash,
      recordTimeMs: row.record_ms,
      epcs: [] as string[],
    }));
    if (batch.length > 0) await attachEpcs(this.db, batch);
    return batch;
  }
}

async function attachEpcs(db: Queryable, batch: TAuditedEvent[]): Promise<void> {
  const byId = new Map(batch.map((event) => [event.id.toString(), event]));
  const { rows } = await db.query<{ event_id: string; epc: string }>(
    'SELECT event_id::text AS event_id, epc FROM event_epcs WHERE event_id >= $1 AND event_id <= $2',
    [batch[0]!.id.toString(), batch.at(-1)!.id.toString()],
  );
  for (const row of rows) byId.get(row.event_id)?.epcs.push(row.epc);
}
