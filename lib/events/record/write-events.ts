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
 * Up to these, the events and their identifiers go in with one INSERT
 * statement (insertSmall): a counter's dispense or a single scan is one
 * round trip instead of five, and the connection is not held while this
 * process prepares COPY data (docs/decisions/095). Larger requests use
 * COPY, the cheaper path per row (docs/decisions/053).
 */
export const SMALL_WRITE = { events: 16, identifiers: 256 };

export const isSmallWrite = (events: number, identifiers: number) => events <= SMALL_WRITE.events && identifiers <= SMALL_WRITE.identifiers;

/**
 * Inserts the events and every identifier each one names, with COPY (see
 * copy-from.ts) or, for a small request, one INSERT: ids are taken from the
 * sequence first, in request order, so the ledger's order is the order in
 * which the rules saw the events. Returns the new ids, in order.
 *
 * requires: the transaction holds the ledger fence (lib/ledger/fence.ts), so
 * every id taken here is below any later seal's high-water mark only once
 * this transaction has committed or rolled back.
 */
export async function writeEvents(tx: Queryable, rows: readonly TEventRow[], context: TWriteContext): Promise<string[]> {
  const identifiers = rows.reduce((sum, row) => sum + row.input.epcs.length, 0);
  if (isSmallWrite(rows.length, identifiers)) {
    const ids = await insertSmall(tx, rows, context);
    context.onRows?.(identifiers);
    return ids;
  }
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

type TWriteContext = { orgId: string; recordTime: string; captureId: string | null; onRows?: (written: number) => void };

/**
 * The ids (drawn in the events' order: the CTE is evaluated once, row by
 * row), the events and their identifier rows, in one statement. The
 * identifiers' foreign key is checked at its end, when the events are in.
 */
const INSERT_SMALL = {
  name: 'events-insert-small',
  text: `WITH ids AS MATERIALIZED (
      SELECT n::int AS n, nextval('events_id_seq') AS id FROM generate_series(1, cardinality($1::text[])) AS n
    ), inserted AS (
      INSERT INTO events (${EVENT_COLUMNS.join(', ')})
      SELECT ids.id, r.event_id, $15::uuid, r.event_type, r.action, r.biz_step, r.disposition, r.event_time::timestamptz, r.event_time_zone_offset,
             $16::timestamptz, r.read_point, r.biz_location, r.public_record, r.private_record::jsonb, decode(r.salt, 'hex'), decode(r.leaf_hash, 'hex'),
             r.party_ids::uuid[], $17::uuid
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
             WITH ORDINALITY AS r(event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, read_point, biz_location, public_record, private_record, salt, leaf_hash, party_ids, n)
        JOIN ids ON ids.n = r.n
    ), identifiers AS (
      INSERT INTO event_epcs (epc, event_id, role)
      SELECT x.epc, ids.id, x.role FROM unnest($18::text[], $19::int[], $20::text[]) AS x(epc, n, role) JOIN ids ON ids.n = x.n
    )
    SELECT id::text FROM ids ORDER BY n`,
};

async function insertSmall(tx: Queryable, rows: readonly TEventRow[], context: TWriteContext): Promise<string[]> {
  const column = (value: (row: TEventRow) => string | null) => rows.map(value);
  const epcs: string[] = [];
  const numbers: number[] = [];
  const roles: string[] = [];
  rows.forEach((row, i) => {
    for (const { key, role } of row.input.epcs) {
      epcs.push(key);
      numbers.push(i + 1);
      roles.push(role);
    }
  });
  const { rows: taken } = await tx.query<{ id: string }>({
    ...INSERT_SMALL,
    values: [
      column((r) => r.eventId),
      column((r) => r.input.type),
      column((r) => r.input.action),
      column((r) => r.input.bizStep),
      column((r) => r.input.disposition),
      column((r) => r.input.eventTime),
      column((r) => r.input.eventTimeZoneOffset),
      column((r) => r.input.readPoint),
      column((r) => r.input.bizLocation),
      column((r) => r.records.publicRecord),
      column((r) => r.records.privateRecord),
      column((r) => r.records.salt.toString('hex')),
      column((r) => r.records.leafHash.toString('hex')),
      column((r) => `{${r.partyIds.join(',')}}`),
      context.orgId,
      context.recordTime,
      context.captureId,
      epcs,
      numbers,
      roles,
    ],
  });
  return taken.map((row) => row.id);
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
