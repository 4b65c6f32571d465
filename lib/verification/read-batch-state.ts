import type { Queryable } from '@/lib/db';
import { epcKey } from '@/lib/gs1/epc-key';
import type { TStoredBatchState } from './decide-verdict';
import { recallOf } from './read-pack-state';
import type { TCommissioningProof, TPublicManufacturer, TPublicProduct } from './types';

export type TStoredBatchFacts = TStoredBatchState & {
  product: TPublicProduct;
  manufacturer: TPublicManufacturer;
  batchId: string | null;
};

type TBatchRow = {
  gtin: string;
  name: string;
  form: string;
  strength: string;
  pack_size: number;
  maker_name: string;
  maker_country: string;
  batch_id: string | null;
  expiry: string | null;
  manufactured_on: string | null;
  batch_status: 'ACTIVE' | 'RECALLED' | null;
  recall_reason: string | null;
  recall_class: 'I' | 'II' | 'III' | null;
  recalled_on: string | null;
  recall_open: boolean | null;
};

/** The product, manufacturer, batch and its whole-batch recall (open first, else the latest). null: unknown GTIN. */
export async function readBatchState(db: Queryable, gtin: string, lot: string): Promise<TStoredBatchFacts | null> {
  const { rows } = await db.query<TBatchRow>(
    `SELECT pr.gtin, pr.name, pr.form, pr.strength, pr.pack_size, o.name AS maker_name, o.country AS maker_country,
            b.id AS batch_id, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, to_char(b.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, b.status AS batch_status,
            r.reason AS recall_reason, r.class AS recall_class, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS recalled_on, r.status = 'OPEN' AS recall_open
       FROM products pr
       JOIN organisations o ON o.id = pr.owner_org_id
       LEFT JOIN batches b ON b.gtin = pr.gtin AND b.lot = $2
       LEFT JOIN LATERAL (
         SELECT r.reason, r.class, r.created_at, r.status FROM recalls r
          WHERE r.batch_id = b.id AND (r.serials IS NULL OR cardinality(r.serials) = 0)
          ORDER BY r.status = 'OPEN' DESC, r.created_at DESC LIMIT 1) r ON true
      WHERE pr.gtin = $1`,
    [gtin, lot],
  );
  const row = rows[0];
  if (!row) return null;
  const batch = row.batch_id !== null && row.expiry !== null && row.batch_status !== null ? { lot, expiry: row.expiry, status: row.batch_status, manufacturedOn: row.manufactured_on } : null;
  return {
    product: { gtin: row.gtin, name: row.name, form: row.form, strength: row.strength, packSize: row.pack_size },
    manufacturer: { name: row.maker_name, country: row.maker_country },
    batchId: row.batch_id,
    batch,
    recall: batch ? recallOf(row) : null,
  };
}

/**
 * How many packs of the batch were commissioned and dispensed, and the
 * commissioning events that brought them into the ledger. One scan of the
 * batch's packs grouped by commissioning time (each commissioning event
 * gives its packs one time), then one key lookup per group to find its
 * event: tens of milliseconds for a batch of 100,000, index lookups after.
 */
export async function readBatchLedger(db: Queryable, gtin: string, batchId: string): Promise<{ counts: { commissioned: number; dispensed: number }; commissioning: TCommissioningProof[] }> {
  const { rows: groups } = await db.query<{ packs: string; dispensed: string; serial: string }>(
    `SELECT count(*) AS packs, count(*) FILTER (WHERE status = 'DISPENSED') AS dispensed, min(serial) AS serial
       FROM packs WHERE batch_id = $1 GROUP BY commissioned_at ORDER BY commissioned_at`,
    [batchId],
  );
  const counts = groups.reduce((sum, g) => ({ commissioned: sum.commissioned + Number(g.packs), dispensed: sum.dispensed + Number(g.dispensed) }), { commissioned: 0, dispensed: 0 });
  if (groups.length === 0) return { counts, commissioning: [] };
  const keys = groups.map((g) => epcKey({ gtin, serial: g.serial }));
  const { rows } = await db.query<{ event_id: string; public_record: string }>(
    `SELECT DISTINCT ON (e.id) e.event_id, e.public_record
       FROM event_epcs ee JOIN events e ON e.id = ee.event_id
      WHERE ee.epc = ANY($1::text[]) AND ee.role = 'epc' AND e.biz_step = 'commissioning' AND position('&declaration=' in e.event_id) = 0
      ORDER BY e.id`,
    [keys],
  );
  const commissioning = rows.map((row) => {
    const record = JSON.parse(row.public_record) as { eventTime: string; eventTimeZoneOffset: string; epcs: { count: number }; actor: TCommissioningProof['actor'] };
    const { role, country, name } = record.actor;
    return { eventId: row.event_id, eventTime: record.eventTime, eventTimeZoneOffset: record.eventTimeZoneOffset, packCount: record.epcs.count, actor: name === undefined ? { role, country } : { role, country, name } };
  });
  return { counts, commissioning };
}
