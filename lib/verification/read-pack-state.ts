import type { Queryable } from '@/lib/db';
import type { TPackStatus, TStoredPack } from './decide-verdict';
import type { TPublicRecall } from './types';

export type TPackStateRow = {
  gtin: string;
  name: string;
  form: string;
  strength: string;
  pack_size: number;
  owner_org_id: string;
  maker_name: string;
  maker_country: string;
  maker_gln: string;
  status: TPackStatus | null;
  dispensed_at: string | null;
  custodian_org_id: string | null;
  in_transit_to_id: string | null;
  dispensed_by_id: string | null;
  batch_id: string | null;
  lot: string | null;
  expiry: string | null;
  batch_status: 'ACTIVE' | 'RECALLED' | null;
  recall_reason: string | null;
  recall_class: 'I' | 'II' | 'III' | null;
  recalled_on: string | null;
  recall_open: boolean | null;
};

/**
 * The stored facts a pack verdict needs, in one indexed query: the product
 * (by primary key), its manufacturer, the pack (primary key gtin, serial),
 * its batch, and the recall that concerns it: the one named by
 * packs.recall_id, else an open recall of its whole batch or naming its
 * serial. No row: the GTIN is not registered. A prepared statement, since
 * this is the public hot path (docs/decisions/061). Custody columns are
 * read for the counter's checks; the public verdict never shows them.
 */
/** The columns of a pack's state. */
export const PACK_STATE_SELECT = `SELECT pr.gtin, pr.name, pr.form, pr.strength, pr.pack_size, pr.owner_org_id, o.name AS maker_name, o.country AS maker_country, o.gln AS maker_gln,
                p.status, to_char(p.dispensed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS dispensed_at,
                p.custodian_org_id, p.in_transit_to_id, p.dispensed_by_id,
                b.id AS batch_id, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, b.status AS batch_status,
                r.reason AS recall_reason, r.class AS recall_class,
                to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS recalled_on, r.status = 'OPEN' AS recall_open`;

/** The joins of a pack's state for the GTIN and serial given as SQL expressions (parameters or a batch's columns). */
export const packStateFrom = (gtin: string, serial: string) => `FROM products pr
           JOIN organisations o ON o.id = pr.owner_org_id
           LEFT JOIN packs p ON p.gtin = pr.gtin AND p.serial = ${serial}
           LEFT JOIN batches b ON b.id = p.batch_id
           LEFT JOIN LATERAL (
             SELECT r.reason, r.class, r.created_at, r.status FROM recalls r
              WHERE r.id = p.recall_id
                 OR (r.batch_id = p.batch_id AND r.status = 'OPEN' AND (r.serials IS NULL OR cardinality(r.serials) = 0 OR p.serial = ANY(r.serials)))
              ORDER BY r.id = p.recall_id DESC, r.created_at DESC
              LIMIT 1) r ON true
          WHERE pr.gtin = ${gtin}`;

const STATEMENT = { name: 'verification-pack-state', text: `${PACK_STATE_SELECT} ${packStateFrom('$1', '$2')}` };

export async function readPackState(db: Queryable, gtin: string, serial: string): Promise<TStoredPack | null> {
  const { rows } = await db.query<TPackStateRow>({ ...STATEMENT, values: [gtin, serial] });
  return rows[0] ? packStateOf(rows[0]) : null;
}

export function packStateOf(row: TPackStateRow): TStoredPack {
  const stored: TStoredPack = {
    product: { gtin: row.gtin, name: row.name, form: row.form, strength: row.strength, packSize: row.pack_size },
    manufacturer: { name: row.maker_name, country: row.maker_country },
    owner: { orgId: row.owner_org_id, gln: row.maker_gln },
    pack: null,
  };
  if (row.status === null || row.batch_id === null || row.lot === null || row.expiry === null || row.batch_status === null) return stored;
  stored.pack = {
    status: row.status,
    dispensedAt: row.dispensed_at,
    batch: { id: row.batch_id, lot: row.lot, expiry: row.expiry, status: row.batch_status },
    recall: recallOf(row),
    custody: { custodianOrgId: row.custodian_org_id, inTransitToId: row.in_transit_to_id, dispensedById: row.dispensed_by_id },
  };
  return stored;
}

export function recallOf(row: Pick<TPackStateRow, 'recall_reason' | 'recall_class' | 'recalled_on' | 'recall_open'>): TPublicRecall | null {
  if (row.recall_reason === null || row.recall_class === null || row.recalled_on === null) return null;
  return { reason: row.recall_reason, recallClass: row.recall_class, since: row.recalled_on, open: row.recall_open === true };
}
