import type pg from 'pg';
import { buildEpcTree } from '@/lib/ledger/merkle';

/**
 * The benchmark's bulk dataset, written in SQL (the scan service would take
 * hours at this size): `packs` packs of one product in batches of 10,000,
 * one commissioning event per batch naming its 10,000 packs, and five
 * events per pack: shipped by the manufacturer, received by the wholesaler,
 * shipped on, received by one of the pharmacies, then dispensed (one pack
 * in five) or inspected. For a million packs: 5,000,100 events and as many
 * identifier rows plus a million for commissioning.
 *
 * Rows keep the events contract where anything on the measured paths reads
 * it: public records in RFC 8785 member order with the identifier tree's
 * real root (so proof bundles of these events verify), leaf hashes of
 * those records, party_ids, and private records holding an EPCIS event
 * document (what EPCIS queries return). The privateDigest is synthetic:
 * nothing measured recomputes it (the audit would, and is not run on this
 * data). Each step's events have consecutive ids, so a pack's events are
 * spread over the ledger as in real life.
 */
export const BATCH_SIZE = 10_000;
const STEP_CHUNK = 250_000;

export type TDatasetParties = { maker: { id: string; gln: string; name: string }; distributor: { id: string }; pharmacies: { id: string }[] };

export type TDataset = {
  gtin: string;
  packs: number;
  /** The code printed on pack i: bracketed element string with GTIN, expiry, lot and serial. */
  packCode: (i: number) => string;
  packKey: (i: number) => string;
  /** Pack i is dispensed in the dataset (its last event is a dispensing); others are on a pharmacy's shelf. */
  isDispensed: (i: number) => boolean;
  /** The pharmacy (index) holding pack i. */
  pharmacyOf: (i: number) => number;
  /** Internal id of the step-s event of pack i. */
  eventIdOf: (i: number, step: number) => bigint;
};

const serialOf = (i: number) => `BV${String(i).padStart(10, '0')}`;
const lotOf = (b: number) => `BV${String(b).padStart(3, '0')}`;

export async function loadDataset(db: pg.Client, gtin: string, packs: number, parties: TDatasetParties, log: (line: string) => void): Promise<TDataset> {
  const batches = Math.ceil(packs / BATCH_SIZE);
  const pharmacies = parties.pharmacies.map((p) => p.id);
  const step = async (label: string, run: () => Promise<unknown>) => {
    const at = Date.now();
    await run();
    log(`  ${label}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  };
  // Loading is not what is measured: its commits need not wait for the disk (the measured paths keep the defaults).
  await db.query('SET synchronous_commit = off');
  const base = BigInt((await db.query<{ base: string }>(`SELECT nextval('events_id_seq')::text AS base`)).rows[0]!.base);
  const total = batches + 5 * packs;
  await db.query(`SELECT setval('events_id_seq', $1::bigint)`, [(base + BigInt(total)).toString()]);
  const stepBase = base + BigInt(batches);
  await step('batches', () => db.query(`INSERT INTO batches (gtin, lot, expiry) SELECT $1, 'BV' || lpad(b::text, 3, '0'), DATE '2030-12-31' FROM generate_series(0, $2 - 1) b`, [gtin, batches]));
  for (let from = 0; from < packs; from += STEP_CHUNK) {
    const to = Math.min(packs, from + STEP_CHUNK) - 1;
    await step(`packs ${from.toLocaleString('en')}-${to.toLocaleString('en')}`, () => db.query(PACKS_SQL, [gtin, from, to, pharmacies]));
  }
  const roots = commissioningRoots(gtin, packs, batches);
  await step('commissioning events', () => db.query(COMMISSION_SQL, [gtin, batches, parties.maker.id, parties.maker.gln, parties.maker.name, base.toString(), roots]));
  await step('commissioning identifiers', () => db.query(COMMISSION_EPCS_SQL, [gtin, packs, base.toString()]));
  for (let s = 0; s < 5; s++) {
    for (let from = 0; from < packs; from += STEP_CHUNK) {
      const to = Math.min(packs, from + STEP_CHUNK) - 1;
      const values = [gtin, from, to, s, parties.maker.id, parties.distributor.id, pharmacies, parties.maker.gln, parties.maker.name, (stepBase + BigInt(s * packs)).toString()];
      await step(`events of step ${s + 1}/5, packs ${from.toLocaleString('en')}-${to.toLocaleString('en')}`, async () => {
        await db.query(STEP_SQL, values);
        await db.query(STEP_EPCS_SQL, [gtin, from, to, (stepBase + BigInt(s * packs)).toString()]);
      });
    }
  }
  await step('VACUUM ANALYZE (what autovacuum would have done)', async () => {
    for (const table of ['events', 'event_epcs', 'packs', 'batches']) await db.query(`VACUUM (ANALYZE) ${table}`);
  });
  return {
    gtin,
    packs,
    packCode: (i) => `(01)${gtin}(17)301231(10)${lotOf(Math.floor(i / BATCH_SIZE))}(21)${serialOf(i)}`,
    packKey: (i) => `01/${gtin}/21/${serialOf(i)}`,
    isDispensed: (i) => i % 5 === 0,
    pharmacyOf: (i) => i % pharmacies.length,
    eventIdOf: (i, s) => stepBase + BigInt(s * packs + i),
  };
}

/** The identifier-tree root of each batch's commissioning event (its 10,000 pack keys), as lib/events computes it. */
function commissioningRoots(gtin: string, packs: number, batches: number): string[] {
  return Array.from({ length: batches }, (_, b) => {
    const keys: string[] = [];
    for (let i = b * BATCH_SIZE; i < Math.min(packs, (b + 1) * BATCH_SIZE); i++) keys.push(`01/${gtin}/21/${serialOf(i)}`);
    return buildEpcTree(keys).summary.root;
  });
}

const PACKS_SQL = `
  INSERT INTO packs (gtin, serial, batch_id, status, custodian_org_id, commissioned_at, updated_at, dispensed_at, dispensed_by_id)
  SELECT $1, 'BV' || lpad(i::text, 10, '0'), b.id,
         CASE WHEN i % 5 = 0 THEN 'DISPENSED' ELSE 'ACTIVE' END::pack_status,
         CASE WHEN i % 5 = 0 THEN NULL ELSE ($4::uuid[])[i % cardinality($4::uuid[]) + 1] END,
         TIMESTAMPTZ '2026-01-01', now(),
         CASE WHEN i % 5 = 0 THEN TIMESTAMPTZ '2026-01-05' + i * interval '1 ms' END,
         CASE WHEN i % 5 = 0 THEN ($4::uuid[])[i % cardinality($4::uuid[]) + 1] END
    FROM generate_series($2::int, $3::int) i
    JOIN batches b ON b.gtin = $1 AND b.lot = 'BV' || lpad((i / ${BATCH_SIZE})::text, 3, '0')`;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The public record (lib/events' publicRecordJcs member order) from the columns of each source row. */
const RECORD = `'{"action":"' || action || '","actor":' || actor || ',"batch":' || batch || ',"bizStep":"' || biz_step || '","disposition":"' || disposition
  || '","epcs":{"count":' || epc_count || ',"root":"' || epc_root || '"},"eventId":"' || event_id
  || '","eventTime":"' || ${ISO('event_time')} || '","eventTimeZoneOffset":"+01:00","privateDigest":"'
  || encode(sha256(convert_to(event_id || ':private', 'UTF8')), 'hex') || '","recordTime":"' || ${ISO('event_time')}
  || '","type":"ObjectEvent","v":1}'`;

/** The private record: the EPCIS document as stored by lib/events, and the recorder. */
const PRIVATE = `jsonb_build_object('event', jsonb_build_object('type', 'ObjectEvent', 'eventID', event_id, 'eventTime', ${ISO('event_time')},
    'eventTimeZoneOffset', '+01:00', 'epcList', epc_list, 'action', action, 'bizStep', biz_step, 'disposition', disposition,
    'readPoint', jsonb_build_object('id', 'https://id.gs1.org/414/' || read_gln), 'recordTime', ${ISO('event_time')}),
  'recorder', jsonb_build_object('orgId', org_id, 'gln', read_gln, 'name', 'bench'))`;

const INSERT_EVENTS = (source: string) => `
  INSERT INTO events (id, event_id, org_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time,
                      read_point, public_record, private_record, salt, leaf_hash, party_ids)
  SELECT id, event_id, org_id, 'ObjectEvent', action, biz_step, disposition, event_time, '+01:00', event_time,
         '414/' || read_gln, rec, ${PRIVATE}, decode(md5(event_id), 'hex'), sha256('\\x00'::bytea || convert_to(rec, 'UTF8')), party_ids
    FROM (SELECT *, ${RECORD} AS rec FROM (${source}) src) s
   ORDER BY id`;

const COMMISSION_SQL = INSERT_EVENTS(`
  SELECT $6::bigint + b AS id, 'ni:///sha-256;' || encode(sha256(convert_to('bench-commission-' || b, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id,
         $3::uuid AS org_id, ARRAY[$3::uuid] AS party_ids, $4::text AS read_gln, 'ADD' AS action, 'commissioning' AS biz_step, 'active' AS disposition,
         TIMESTAMPTZ '2026-01-01' + b * interval '1 s' AS event_time,
         '{"country":"DE","gln":"' || $4 || '","name":' || to_json($5::text)::text || ',"role":"manufacturer"}' AS actor,
         '{"expiry":"2030-12-31","gtin":"' || $1 || '","lot":"BV' || lpad(b::text, 3, '0') || '"}' AS batch,
         ${BATCH_SIZE} AS epc_count, ($7::text[])[b + 1] AS epc_root, '[]'::jsonb AS epc_list
    FROM generate_series(0, $2 - 1) b`);

const COMMISSION_EPCS_SQL = `
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT '01/' || $1 || '/21/BV' || lpad(i::text, 10, '0'), $3::bigint + i / ${BATCH_SIZE}, 'epc' FROM generate_series(0, $2 - 1) i`;

/** Step s of packs $2..$3: 0 shipped by the maker, 1 received by the wholesaler, 2 shipped on, 3 received by a pharmacy, 4 dispensed (1 in 5) or inspected. */
const STEP_SQL = INSERT_EVENTS(`
  SELECT $10::bigint + i AS id,
         'ni:///sha-256;' || encode(sha256(convert_to('bench-' || $4::int || '-' || i, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id,
         CASE $4::int WHEN 0 THEN $5::uuid WHEN 1 THEN $6::uuid WHEN 2 THEN $6::uuid ELSE ph END AS org_id,
         CASE $4::int WHEN 0 THEN ARRAY[$5::uuid, $6::uuid] WHEN 1 THEN ARRAY[$6::uuid, $5::uuid] WHEN 2 THEN ARRAY[$6::uuid, ph] WHEN 3 THEN ARRAY[ph, $6::uuid] ELSE ARRAY[ph] END AS party_ids,
         CASE $4::int WHEN 0 THEN $8::text WHEN 1 THEN '4012346000017' WHEN 2 THEN '4012346000017' ELSE '4012347000016' END AS read_gln,
         'OBSERVE' AS action,
         CASE $4::int WHEN 0 THEN 'shipping' WHEN 1 THEN 'receiving' WHEN 2 THEN 'shipping' WHEN 3 THEN 'receiving' ELSE CASE WHEN i % 5 = 0 THEN 'dispensing' ELSE 'inspecting' END END AS biz_step,
         CASE $4::int WHEN 0 THEN 'in_transit' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'in_transit' WHEN 3 THEN 'in_progress' ELSE CASE WHEN i % 5 = 0 THEN 'dispensed' ELSE 'active' END END AS disposition,
         TIMESTAMPTZ '2026-01-01' + $4::int * interval '1 day' + i * interval '1 ms' AS event_time,
         CASE $4::int WHEN 0 THEN '{"country":"DE","gln":"' || $8 || '","name":' || to_json($9::text)::text || ',"role":"manufacturer"}'
                      WHEN 1 THEN '{"country":"DE","role":"distributor"}' WHEN 2 THEN '{"country":"DE","role":"distributor"}'
                      ELSE '{"country":"DE","role":"pharmacy"}' END AS actor,
         'null' AS batch, 1 AS epc_count,
         encode(sha256('\\x00'::bytea || convert_to('01/' || $1 || '/21/BV' || lpad(i::text, 10, '0'), 'UTF8')), 'hex') AS epc_root,
         jsonb_build_array('https://id.gs1.org/01/' || $1 || '/21/BV' || lpad(i::text, 10, '0')) AS epc_list
    FROM generate_series($2::int, $3::int) i, LATERAL (SELECT ($7::uuid[])[i % cardinality($7::uuid[]) + 1] AS ph) p`);

const STEP_EPCS_SQL = `
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT '01/' || $1 || '/21/BV' || lpad(i::text, 10, '0'), $4::bigint + i, 'epc' FROM generate_series($2::int, $3::int) i`;
