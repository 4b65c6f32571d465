import type { Queryable } from '@/lib/db';
import type { TEventInput } from '@/lib/epcis';
import type { TLedgerRecords } from '../build/ledger-records';
import { copyBytea, copyFrom, copyJson, copyText } from './copy-from';

export type TEventRow = {
  eventId: string;
  input: TEventInput;
  records: TLedgerRecords;
  partyIds: readonly string[];
};

/** Identifier rows per COPY statement: progress for a 100,000-pack commissioning in four steps. */
export const EPC_CHUNK = 25_000;

const EVENT_COLUMNS = [
  'id', 'event_id', 'org_id', 'event_type', 'action', 'biz_step', 'disposition', 'event_time', 'event_time_zone_offset',
  'record_time', 'read_point', 'biz_location', 'public_record', 'private_record', 'salt', 'leaf_hash', 'party_ids', 'capture_id',
] as const;

/**
 * Inserts the events and every identifier each one names, with COPY (see
 * copy-from.ts): ids are taken from the sequence first, in request order,
 * so the ledger's order is the order in which the rules saw the events.
 * Returns the new ids, in order.
 *
 * requires: the transaction holds the ledger fence (enterEventFence), so
 * every id taken here is below any later seal's high-water mark only once
 * this transaction has committed or rolled back.
 */
export async function writeEvents(tx: Queryable, rows: readonly TEventRow[], context: { orgId: string; recordTime: string; captureId: string | null; onRows?: (written: number) => void }): Promise<string[]> {
  // One row holding all the ids: a thousand one-column rows would cost more to parse than to draw.
  const { rows: taken } = await tx.query<{ ids: string }>(`SELECT string_agg(nextval('events_id_seq')::text, ',' ORDER BY n) AS ids FROM generate_series(1, $1) AS n`, [rows.length]);
  const ids = (taken[0] as { ids: string }).ids.split(',');
  const org = context.orgId;
  const capture = copyText(context.captureId);
  const lines = rows.map((row, i) => {
    const { input, records } = row;
    return `${ids[i]}\t${copyText(row.eventId)}\t${org}\t${input.type}\t${copyText(input.action)}\t${copyText(input.bizStep)}\t${copyText(input.disposition)}\t${input.eventTime}\t${input.eventTimeZoneOffset}\t${context.recordTime}\t${copyText(input.readPoint)}\t${copyText(input.bizLocation)}\t${copyJson(records.publicRecord)}\t${copyJson(records.privateRecord)}\t${copyBytea(records.salt)}\t${copyBytea(records.leafHash)}\t{${row.partyIds.join(',')}}\t${capture}\n`;
  });
  // The identifier rows are prepared while the events go in (one statement at a time on the connection).
  const eventsWritten = copyFrom(tx, 'events', EVENT_COLUMNS, lines);
  const chunks = await afterSettling(eventsWritten, () => epcChunks(rows, ids));
  await eventsWritten;
  for (const chunk of chunks) {
    await copyFrom(tx, 'event_epcs', ['epc', 'event_id', 'role'], chunk);
    context.onRows?.(chunk.length);
  }
  return ids;
}

/** COPY lines of every identifier row, EPC_CHUNK to a statement. */
function epcChunks(rows: readonly TEventRow[], ids: string[]): string[][] {
  const chunks: string[][] = [];
  let lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const id = ids[i] as string;
    for (const { key, role } of (rows[i] as TEventRow).input.epcs) {
      lines.push(`${copyText(key)}\t${id}\t${role}\n`);
      if (lines.length >= EPC_CHUNK) {
        chunks.push(lines);
        lines = [];
      }
    }
  }
  if (lines.length > 0) chunks.push(lines);
  return chunks;
}

/** Runs `work` while `pending` is in flight; if `work` throws, waits for `pending` to settle first (no stray rejection). */
export async function afterSettling<T>(pending: Promise<unknown>, work: () => T): Promise<T> {
  try {
    return work();
  } catch (error) {
    await pending.catch(() => undefined);
    throw error;
  }
}
