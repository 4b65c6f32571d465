import { randomBytes } from 'node:crypto';
import type { Queryable } from '@/lib/db';
import { withTransaction } from '@/lib/db';
import { enterEventFence } from '../fence';

/**
 * Loads `count` synthetic events in one INSERT ... SELECT generate_series,
 * at bulk-load speed, for benchmarks and crash tests that need periods of
 * hundreds of thousands of events. Every row keeps the events contract
 * (see insert-test-events.ts): public_record is canonical JSON (members
 * written in RFC 8785 order, ASCII strings needing no escapes, integers),
 * privateDigest and leaf_hash are computed by Postgres's sha256() over
 * exactly the bytes the contract names, and each event names one pack,
 * recorded in event_epcs, whose one-leaf tree root is in the record.
 */
const LOAD = `
  WITH src AS (
    SELECT i,
           'ni:///sha-256;' || encode(sha256(convert_to($1 || ':' || i, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id,
           '01/09506000134352/21/B' || $2 || i AS epc,
           $3::timestamptz + i * interval '1 millisecond' AS t,
           decode(md5($1 || ':salt:' || i), 'hex') AS salt,
           '{"bizLocation":"urn:epc:id:sgln:9506000.00001.0","n":' || i || ',"recordedBy":"' || $4 || '"}' AS private_text
    FROM generate_series(1, $5::int) AS i
  ), rec AS (
    SELECT src.*, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso,
           encode(sha256('\\x00'::bytea || convert_to(epc, 'UTF8')), 'hex') AS epc_root,
           encode(sha256(salt || convert_to(private_text, 'UTF8')), 'hex') AS private_digest
    FROM src
  ), pub AS (
    SELECT rec.*,
           '{"action":"OBSERVE","bizStep":"receiving","epcs":{"count":1,"root":"' || epc_root || '"},"eventId":"' || event_id ||
           '","eventTime":"' || iso || '","eventTimeZoneOffset":"+00:00","eventType":"ObjectEvent","privateDigest":"' || private_digest ||
           '","recordTime":"' || iso || '"}' AS public_record
    FROM rec
  ), ins AS (
    INSERT INTO events (event_id, org_id, event_type, action, biz_step, event_time, event_time_zone_offset, record_time,
                        public_record, private_record, salt, leaf_hash)
    SELECT event_id, $4::uuid, 'ObjectEvent', 'OBSERVE', 'receiving', t, '+00:00', t,
           public_record, private_text::jsonb, salt, sha256('\\x00'::bytea || convert_to(public_record, 'UTF8'))
    FROM pub ORDER BY i
    RETURNING id, event_id
  )
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT src.epc, ins.id, 'epc' FROM ins JOIN src USING (event_id)`;

/** Inserts `count` events for organisation `orgId` in one transaction; returns how many were recorded. */
export async function bulkInsertEvents(orgId: string, count: number, startTime = new Date()): Promise<number> {
  return withTransaction(async (tx) => bulkInsertInto(tx, orgId, count, startTime));
}

async function bulkInsertInto(tx: Queryable, orgId: string, count: number, startTime: Date): Promise<number> {
  await enterEventFence(tx);
  const nonce = randomBytes(8).toString('hex');
  const serialPrefix = randomBytes(3).toString('hex').toUpperCase();
  const { rowCount } = await tx.query(LOAD, [nonce, serialPrefix, startTime, orgId, count]);
  return rowCount ?? 0;
}
