/**
 * Rows for scripts/bench-epcis.ts (benchmark only; the platform records
 * events through lib/events): a raw COPY of the rows a capture wrote, the
 * baseline its throughput is compared with, and a bulk-loaded ledger of
 * synthetic but realistic events for the query latency.
 */
import pg from 'pg';
import { getPool } from '@/lib/db';
import { withCheckDigit } from '@/lib/gs1';

/** COPY ... FROM STDIN through node-postgres' own protocol hooks. */
class CopyIn extends (pg.Query as unknown as new (config: object) => { handleCopyInResponse(connection: unknown): void }) {
  constructor(
    text: string,
    private readonly data: Buffer,
    callback: (error: Error | null) => void,
  ) {
    super({ text, callback });
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    for (let at = 0; at < this.data.length; at += 1 << 16) connection.sendCopyFromChunk(this.data.subarray(at, at + (1 << 16)));
    connection.endCopyFrom();
  }
}

const copyIn = (client: pg.PoolClient, text: string, lines: string[]) =>
  new Promise<void>((resolve, reject) => client.query(new CopyIn(text, Buffer.from(lines.join('')), (e) => (e ? reject(e) : resolve())) as never));

/** A value in COPY's text format. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const EVENT_COLUMNS = ['event_id', 'org_id', 'event_type', 'action', 'biz_step', 'disposition', 'event_time', 'event_time_zone_offset', 'record_time', 'read_point', 'biz_location', 'public_record', 'private_record', 'salt', 'leaf_hash', 'party_ids', 'capture_id'];

type TRow = Record<string, unknown> & { id: string; event_id: string };

/**
 * COPYs the rows capture `captureId` wrote, twice, under fresh event IDs:
 * the events alone, then the events with ids drawn from the sequence and
 * their event_epcs rows. Returns the time of each (ms, BEGIN to COMMIT).
 */
export async function copyEventRows(captureId: string, tag: string): Promise<{ eventsMs: number; allMs: number }> {
  const { rows } = await getPool().query<TRow>(`SELECT id::text, ${EVENT_COLUMNS.map((c) => (c === 'private_record' ? 'private_record::text' : c)).join(', ')} FROM events WHERE capture_id = $1 ORDER BY id`, [captureId]);
  const { rows: epcs } = await getPool().query<{ event_id: string; epc: string; role: string }>('SELECT event_id::text, epc, role FROM event_epcs WHERE event_id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
  const line = (row: TRow, suffix: string, id?: string) => [...(id ? [id] : []), ...EVENT_COLUMNS.map((c) => field(c === 'event_id' ? `${row.event_id}#${suffix}` : row[c]))].join('\t') + '\n';
  const client = await getPool().connect();
  try {
    let start = performance.now();
    await client.query('BEGIN');
    await copyIn(client, `COPY events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`, rows.map((row) => line(row, `${tag}a`)));
    await client.query('COMMIT');
    const eventsMs = performance.now() - start;
    start = performance.now();
    await client.query('BEGIN');
    const ids = (await client.query<{ id: string }>(`SELECT nextval('events_id_seq')::text AS id FROM generate_series(1, $1::int)`, [rows.length])).rows.map((r) => r.id);
    const idOf = new Map(rows.map((row, i) => [row.id, ids[i] as string]));
    await copyIn(client, `COPY events (id, ${EVENT_COLUMNS.join(', ')}) FROM STDIN`, rows.map((row, i) => line(row, `${tag}b`, ids[i])));
    await copyIn(client, 'COPY event_epcs (epc, event_id, role) FROM STDIN', epcs.map((e) => `${field(e.epc)}\t${idOf.get(e.event_id)}\t${e.role}\n`));
    await client.query('COMMIT');
    return { eventsMs, allMs: performance.now() - start };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * `count` events in bulk, five per pack (commissioning, shipping,
 * receiving, shipping, receiving), a pack's events spread over the whole
 * ledger as in real life; each has a real EPCIS document as its private
 * record and one event_epcs row. Loaded by the owner role 100,000 at a
 * time, then analysed. Serials are Q0000000, Q0000001, ... of one GTIN.
 */
export async function loadSyntheticLedger(ownerUrl: string, count: number, [makerId, distributorId]: string[]): Promise<{ packs: number; gtin: string }> {
  const gtin = withCheckDigit('0950600099999');
  const packs = Math.floor(count / 5);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    for (let from = 0; from < count; from += 100_000) {
      await owner.query(LOAD, [from, Math.min(count, from + 100_000) - 1, packs, gtin, makerId, distributorId]);
    }
    await owner.query('ANALYZE events');
    await owner.query('ANALYZE event_epcs');
  } finally {
    await owner.end();
  }
  return { packs, gtin };
}

const LOAD = `
  WITH src AS (
    SELECT i, i % $3::int AS pack, i / $3::int AS step,
           'Q' || lpad((i % $3::int)::text, 7, '0') AS serial,
           timestamptz '2025-01-01T00:00:00Z' + (i / $3::int) * interval '1 day' + (i % $3::int) * interval '1 second' AS t
    FROM generate_series($1::int, $2::int) AS i
  ), ev AS (
    SELECT src.*,
           'ni:///sha-256;' || encode(sha256(convert_to('bench:' || i, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id,
           '01/' || $4 || '/21/' || serial AS epc,
           (ARRAY['commissioning', 'shipping', 'receiving', 'shipping', 'receiving'])[step + 1] AS biz_step,
           (ARRAY['active', 'in_transit', 'in_progress', 'in_transit', 'in_progress'])[step + 1] AS disposition,
           to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso
    FROM src
  ), rec AS (
    SELECT ev.*,
           jsonb_build_object(
             'event', jsonb_build_object('type', 'ObjectEvent', 'eventID', event_id, 'eventTime', iso, 'eventTimeZoneOffset', '+00:00',
               'epcList', jsonb_build_array('https://id.gs1.org/' || epc), 'action', CASE WHEN step = 0 THEN 'ADD' ELSE 'OBSERVE' END,
               'bizStep', biz_step, 'disposition', disposition, 'readPoint', jsonb_build_object('id', 'https://id.gs1.org/414/4000001000005'),
               'recordTime', iso),
             'recorder', jsonb_build_object('orgId', $5::text, 'gln', '4000001000005', 'name', 'Bench Pharma')) AS private_record,
           '{"action":"OBSERVE","bizStep":"' || biz_step || '","eventId":"' || event_id || '","eventTime":"' || iso || '","v":1}' AS public_record
    FROM ev
  ), ins AS (
    INSERT INTO events (event_id, org_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time,
                        read_point, public_record, private_record, salt, leaf_hash, party_ids)
    SELECT event_id, $5::uuid, 'ObjectEvent', CASE WHEN step = 0 THEN 'ADD' ELSE 'OBSERVE' END, biz_step, disposition, t, '+00:00', t,
           '414/4000001000005', public_record, private_record, decode(md5(event_id), 'hex'), sha256(convert_to(public_record, 'UTF8')),
           CASE WHEN step = 0 THEN ARRAY[$5::uuid] ELSE ARRAY[$5::uuid, $6::uuid] END
    FROM rec ORDER BY i
    RETURNING id, event_id
  )
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT rec.epc, ins.id, 'epc' FROM ins JOIN rec USING (event_id)`;
