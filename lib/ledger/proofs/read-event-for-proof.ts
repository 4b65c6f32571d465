import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TEventRecord } from '@/lib/verify';

/** An event as a proof needs it: its row id (which orders it in the ledger), its public record and when it was recorded. */
export type TProofEvent = { id: bigint; eventId: string; record: TEventRecord; recordedAt: Date };

type TEventRow = { id: string; event_id: string; public_record: string; record_time: Date };

function parseRecord(row: TEventRow): TEventRecord {
  let record: unknown;
  try {
    record = JSON.parse(row.public_record);
  } catch {
    record = undefined;
  }
  const epcs = (record as TEventRecord | undefined)?.epcs;
  if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof epcs !== 'object' || epcs === null) {
    throw new AppError('ledger_integrity_failure', `The stored public record of event ${row.id} is not a JSON object with an identifier tree.`);
  }
  return record as TEventRecord;
}

/** The event recorded under `eventId` (its stored CBV hash ID); 404 when there is none. */
export async function readEventForProof(db: Queryable, eventId: string): Promise<TProofEvent> {
  const { rows } = await db.query<TEventRow>('SELECT id::text AS id, event_id, public_record, record_time FROM events WHERE event_id = $1', [eventId]);
  const row = rows[0];
  if (!row) throw new AppError('ledger_event_not_found', `No event with the ID ${eventId} is recorded.`);
  return { id: BigInt(row.id), eventId: row.event_id, record: parseRecord(row), recordedAt: row.record_time };
}
