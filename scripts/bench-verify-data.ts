import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * The benchmark network of scripts/bench-verify.ts, written in SQL at the
 * scale of the issue's budget (a million packs, five million events), once
 * per data directory. Events have the public records' exact member order
 * (RFC 8785) and their leaf hashes; private records are empty (nothing on
 * the verification path reads them) and nothing is sealed.
 */
export const BENCH_PHARMACIES = 32;
const BATCH_SIZE = 10_000;
const PREFIX = '4012345';

export type TBenchNetwork = {
  packs: number;
  packCode: (i: number) => string;
  /** The k-th pack that pharmacy p holds and may dispense now. */
  activePackOf: (pharmacy: number, k: number) => number;
  apiKeys: string[];
};

type TOrgs = { maker: string; makerGln: string; dist: string; pharmacies: string[] };

const serialOf = (i: number) => `BV${String(i).padStart(10, '0')}`;

export async function populateBenchNetwork(db: pg.Client, options: { packs: number; log: (line: string) => void; gln: (digits: string) => string }): Promise<TBenchNetwork> {
  const { packs, log, gln } = options;
  const gtin = gln(`0${PREFIX}00001`);
  const orgs = await ensureOrgs(db, gln);
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM packs WHERE gtin = $1', [gtin]);
  if (Number(rows[0]!.n) < packs) {
    if (Number(rows[0]!.n) > 0) throw new Error(`The data directory holds ${rows[0]!.n} bench packs, not ${packs}: use another --data-dir.`);
    await populate(db, gtin, orgs, packs, log);
  } else log(`reusing ${packs.toLocaleString('en')} packs and their events`);
  const active = await activePacks(db, orgs, gtin);
  return {
    packs,
    packCode: (i) => `(01)${gtin}(17)301231(10)BV${String(Math.floor(i / BATCH_SIZE)).padStart(3, '0')}(21)${serialOf(i)}`,
    activePackOf: (p, k) => {
      const list = active[p]!;
      if (k >= list.length) throw new Error(`pharmacy ${p} has no more packs to dispense: use a fresh --data-dir`);
      return list[k]!;
    },
    apiKeys: await apiKeys(db, orgs),
  };
}

async function ensureOrgs(db: pg.Client, gln: (digits: string) => string): Promise<TOrgs> {
  const upsert = async (name: string, role: string, digits: string, prefixes: string[]) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (name, role, gln, country, company_prefixes) VALUES ($1, $2, $3, 'DE', $4)
       ON CONFLICT (gln) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [name, role, gln(digits), prefixes],
    );
    return rows[0]!.id;
  };
  const maker = await upsert('Bench Manufacturer', 'MANUFACTURER', `${PREFIX}00001`, [PREFIX]);
  const dist = await upsert('Bench Wholesaler', 'DISTRIBUTOR', '401234600001', []);
  const pharmacies: string[] = [];
  for (let p = 0; p < BENCH_PHARMACIES; p++) pharmacies.push(await upsert(`Bench Pharmacy ${p}`, 'PHARMACY', `4012347${String(p).padStart(5, '0')}`, []));
  return { maker, makerGln: gln(`${PREFIX}00001`), dist, pharmacies };
}

async function populate(db: pg.Client, gtin: string, orgs: TOrgs, packs: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const step = async (label: string, sql: string, values: unknown[]) => {
    const at = Date.now();
    await db.query(sql, values);
    log(`  ${label}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  };
  log(`populating ${packs.toLocaleString('en')} packs and ${(packs * 5).toLocaleString('en')} events (several minutes) ...`);
  await db.query(`INSERT INTO products (gtin, owner_org_id, name, form, strength, pack_size, company_prefix_length) VALUES ($1, $2, 'Bench tablets', 'tablet', '10 mg', 30, 7) ON CONFLICT DO NOTHING`, [gtin, orgs.maker]);
  const batches = Math.ceil(packs / BATCH_SIZE);
  await step('batches', `INSERT INTO batches (gtin, lot, expiry) SELECT $1, 'BV' || lpad(b::text, 3, '0'), DATE '2030-12-31' FROM generate_series(0, $2 - 1) b ON CONFLICT DO NOTHING`, [gtin, batches]);
  await step('packs', PACKS_SQL, [gtin, packs, orgs.pharmacies, BENCH_PHARMACIES]);
  await step('commissioning events', COMMISSION_SQL, [gtin, batches, orgs.maker, orgs.makerGln]);
  for (let s = 0; s < 5; s++) await step(`events, step ${s + 1} of 5`, STEP_SQL, [gtin, packs, s, orgs.maker, orgs.dist, orgs.pharmacies, BENCH_PHARMACIES, orgs.makerGln]);
  await step('identifiers of commissioning', COMMISSION_EPCS_SQL, [gtin, packs]);
  await step('identifiers of the other events', STEP_EPCS_SQL, [gtin, packs]);
  await db.query(`SELECT setval('events_id_seq', (SELECT max(id) FROM events))`);
  await step('analyze', 'ANALYZE', []);
  log(`populated in ${Math.round((Date.now() - started) / 1000)} s`);
}

const PACKS_SQL = `
  INSERT INTO packs (gtin, serial, batch_id, status, custodian_org_id, commissioned_at, updated_at, dispensed_at, dispensed_by_id)
  SELECT $1, 'BV' || lpad(i::text, 10, '0'), b.id,
         CASE WHEN i % 5 = 0 THEN 'DISPENSED' ELSE 'ACTIVE' END::pack_status,
         CASE WHEN i % 5 = 0 THEN NULL ELSE ($3::uuid[])[i % $4 + 1] END,
         TIMESTAMPTZ '2026-01-01', now(),
         CASE WHEN i % 5 = 0 THEN TIMESTAMPTZ '2026-01-05' + i * interval '1 ms' END,
         CASE WHEN i % 5 = 0 THEN ($3::uuid[])[i % $4 + 1] END
    FROM generate_series(0, $2 - 1) i
    JOIN batches b ON b.gtin = $1 AND b.lot = 'BV' || lpad((i / ${BATCH_SIZE})::text, 3, '0')`;

/** The public record's members in RFC 8785 order, from the columns of each source row. */
const RECORD = `'{"action":"' || action || '","actor":' || actor || ',"batch":' || batch || ',"bizStep":"' || biz_step || '","disposition":"' || disposition
  || '","epcs":{"count":' || epc_count || ',"root":"' || encode(sha256(convert_to(event_id || 'epcs', 'UTF8')), 'hex') || '"},"eventId":"' || event_id
  || '","eventTime":"' || to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","eventTimeZoneOffset":"+01:00","privateDigest":"'
  || encode(sha256(convert_to(event_id || 'private', 'UTF8')), 'hex') || '","recordTime":"' || to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","type":"ObjectEvent","v":1}'`;

const INSERT_EVENTS = (source: string) => `
  INSERT INTO events (id, event_id, org_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, public_record, private_record, salt, leaf_hash)
  SELECT id, event_id, org_id, 'ObjectEvent', action, biz_step, disposition, event_time, '+01:00', event_time, rec, '{}'::jsonb, '\\x00000000000000000000000000000000'::bytea,
         sha256('\\x00'::bytea || convert_to(rec, 'UTF8'))
    FROM (SELECT *, ${RECORD} AS rec FROM (${source}) src) s`;

const COMMISSION_SQL = INSERT_EVENTS(`
  SELECT 1 + b AS id, 'ni:///sha-256;' || encode(sha256(convert_to('bench-commission-' || b, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id, $3::uuid AS org_id,
         'ADD' AS action, 'commissioning' AS biz_step, 'active' AS disposition, TIMESTAMPTZ '2026-01-01' + b * interval '1 s' AS event_time,
         '{"country":"DE","gln":"' || $4 || '","name":"Bench Manufacturer","role":"manufacturer"}' AS actor,
         '{"expiry":"2030-12-31","gtin":"' || $1 || '","lot":"BV' || lpad(b::text, 3, '0') || '"}' AS batch, ${BATCH_SIZE} AS epc_count
    FROM generate_series(0, $2 - 1) b`);

/** Step s of every pack: 0 shipped by the maker, 1 received by the wholesaler, 2 shipped on, 3 received by the pharmacy, 4 dispensed (1 in 5) or checked. */
const STEP_SQL = INSERT_EVENTS(`
  SELECT 100000 + $3::int * $2::int + i AS id,
         'ni:///sha-256;' || encode(sha256(convert_to('bench-' || $3::int || '-' || i, 'UTF8')), 'hex') || '?ver=CBV2.0' AS event_id,
         CASE $3::int WHEN 0 THEN $4::uuid WHEN 1 THEN $5::uuid WHEN 2 THEN $5::uuid ELSE ($6::uuid[])[i % $7 + 1] END AS org_id,
         'OBSERVE' AS action,
         CASE $3::int WHEN 0 THEN 'shipping' WHEN 1 THEN 'receiving' WHEN 2 THEN 'shipping' WHEN 3 THEN 'receiving' ELSE CASE WHEN i % 5 = 0 THEN 'dispensing' ELSE 'inspecting' END END AS biz_step,
         CASE $3::int WHEN 0 THEN 'in_transit' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'in_transit' WHEN 3 THEN 'in_progress' ELSE CASE WHEN i % 5 = 0 THEN 'dispensed' ELSE 'active' END END AS disposition,
         TIMESTAMPTZ '2026-01-01' + $3::int * interval '1 day' + i * interval '1 ms' AS event_time,
         CASE $3::int WHEN 0 THEN '{"country":"DE","gln":"' || $8 || '","name":"Bench Manufacturer","role":"manufacturer"}'
                      WHEN 1 THEN '{"country":"DE","role":"distributor"}' WHEN 2 THEN '{"country":"DE","role":"distributor"}'
                      ELSE '{"country":"DE","role":"pharmacy"}' END AS actor,
         'null' AS batch, 1 AS epc_count
    FROM generate_series(0, $2 - 1) i
   WHERE $1::text IS NOT NULL`);

const COMMISSION_EPCS_SQL = `
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT '01/' || $1 || '/21/BV' || lpad(i::text, 10, '0'), 1 + i / ${BATCH_SIZE}, 'epc' FROM generate_series(0, $2 - 1) i`;

const STEP_EPCS_SQL = `
  INSERT INTO event_epcs (epc, event_id, role)
  SELECT '01/' || $1 || '/21/BV' || lpad(i::text, 10, '0'), 100000 + s * $2::int + i, 'epc' FROM generate_series(0, 4) s, generate_series(0, $2 - 1) i`;

async function activePacks(db: pg.Client, orgs: TOrgs, gtin: string): Promise<number[][]> {
  const { rows } = await db.query<{ custodian_org_id: string; serials: string[] }>(
    `SELECT custodian_org_id, (array_agg(serial ORDER BY serial))[1:5000] AS serials FROM packs
      WHERE gtin = $1 AND status = 'ACTIVE' AND custodian_org_id = ANY($2::uuid[]) GROUP BY custodian_org_id`,
    [gtin, orgs.pharmacies],
  );
  const byOrg = new Map(rows.map((r) => [r.custodian_org_id, r.serials.map((s) => Number(s.slice(2)))]));
  return orgs.pharmacies.map((id) => byOrg.get(id) ?? []);
}

/** A fresh operator key per pharmacy for this run (only its SHA-256 is stored, as the platform does). */
async function apiKeys(db: pg.Client, orgs: TOrgs): Promise<string[]> {
  const keys: string[] = [];
  for (const orgId of orgs.pharmacies) {
    const key = `ptk_${randomBytes(32).toString('base64url')}`;
    await db.query(`INSERT INTO api_keys (org_id, name, prefix, secret_hash, role) VALUES ($1, 'bench counter', $2, $3, 'OPERATOR')`, [orgId, key.slice(0, 12), createHash('sha256').update(key).digest('hex')]);
    keys.push(key);
  }
  return keys;
}
