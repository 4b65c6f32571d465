import { getPool } from '@/lib/db';
import { copyBytea, copyFrom, copyText } from '@/lib/events/record/copy-from';

/**
 * The baseline of every ingest figure: a raw COPY, through the events
 * service's own COPY helper, of exactly the rows a request wrote, under
 * fresh event IDs, in one transaction. "The same rows" means what the
 * ledger keeps of an event: its `events` row and its `event_epcs` rows
 * (identifiers). Both doors write both, so both are compared with both
 * (docs/decisions/090). A COPY of the event rows alone is timed too, for
 * comparison with the figures of earlier measurements.
 */
const EVENT_COLUMNS = ['event_id', 'org_id', 'event_type', 'action', 'biz_step', 'disposition', 'event_time', 'event_time_zone_offset', 'record_time', 'read_point', 'biz_location', 'public_record', 'private_record', 'salt', 'leaf_hash', 'party_ids', 'capture_id'];

type TRow = { id: string; event_id: string; org_id: string; event_type: string; action: string | null; biz_step: string | null; disposition: string | null; event_time: Date; event_time_zone_offset: string; record_time: Date; read_point: string | null; biz_location: string | null; public_record: string; private_record: string; salt: Buffer; leaf_hash: Buffer; party_ids: string; capture_id: string | null };

export type TCopyTimes = { allMs: number; eventsOnlyMs: number; rows: number; epcRows: number };

/** Reads the rows of events `ids` (internal ids), then COPYs them twice under fresh IDs: events only, then events with identifiers. */
export async function copySameRows(ids: readonly string[], tag: string): Promise<TCopyTimes> {
  const { rows } = await getPool().query<TRow>(
    `SELECT id::text, event_id, org_id::text, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, read_point, biz_location,
            public_record, private_record::text AS private_record, salt, leaf_hash, party_ids::text AS party_ids, capture_id::text
       FROM events WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  const { rows: epcs } = await getPool().query<{ event_id: string; epc: string; role: string }>('SELECT event_id::text, epc, role FROM event_epcs WHERE event_id = ANY($1::bigint[])', [ids]);
  const client = await getPool().connect();
  try {
    let start = performance.now();
    await client.query('BEGIN');
    await copyFrom(client, 'events', EVENT_COLUMNS, rows.map((row) => line(row, `${tag}a`)));
    await client.query('COMMIT');
    const eventsOnlyMs = performance.now() - start;
    start = performance.now();
    await client.query('BEGIN');
    const fresh = (await client.query<{ id: string }>(`SELECT nextval('events_id_seq')::text AS id FROM generate_series(1, $1::int)`, [rows.length])).rows.map((r) => r.id);
    const idOf = new Map(rows.map((row, i) => [row.id, fresh[i]!]));
    await copyFrom(client, 'events', ['id', ...EVENT_COLUMNS], rows.map((row, i) => `${fresh[i]}\t${line(row, `${tag}b`)}`));
    await copyFrom(client, 'event_epcs', ['epc', 'event_id', 'role'], epcs.map((e) => `${copyText(e.epc)}\t${idOf.get(e.event_id)}\t${e.role}\n`));
    await client.query('COMMIT');
    return { allMs: performance.now() - start, eventsOnlyMs, rows: rows.length, epcRows: epcs.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function line(row: TRow, suffix: string): string {
  return [
    copyText(`${row.event_id}#${suffix}`),
    row.org_id,
    copyText(row.event_type),
    copyText(row.action),
    copyText(row.biz_step),
    copyText(row.disposition),
    row.event_time.toISOString(),
    row.event_time_zone_offset,
    row.record_time.toISOString(),
    copyText(row.read_point),
    copyText(row.biz_location),
    copyText(row.public_record),
    copyText(row.private_record),
    copyBytea(row.salt),
    copyBytea(row.leaf_hash),
    row.party_ids,
    row.capture_id ?? '\\N',
  ].join('\t') + '\n';
}
