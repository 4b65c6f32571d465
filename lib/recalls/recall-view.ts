import type { Queryable } from '@/lib/db';
import type { TRecallView } from './schemas';

/**
 * A recall as an organisation sees it. Recalls are public safety notices
 * (their reason and class are on the ledger and the public page); which
 * serials a recall of specific packs names is shown only to the product's
 * manufacturer, the regulator and the organisation that opened it, since a
 * list of serials is a list of codes that exist (docs/decisions/050).
 */
export const SELECT_RECALLS = `
  SELECT r.id, r.batch_id, r.serials, r.reason, r.class, r.status, r.created_at, r.closed_at, r.close_note, r.initiated_by_org,
         b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, p.name AS product_name, p.owner_org_id,
         o.name AS opener_name, o.role AS opener_role, e.event_id,
         ($1::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM packs k WHERE k.batch_id = r.batch_id AND k.recall_id = r.id AND k.status = 'RECALLED'
                                             AND (k.custodian_org_id = $1 OR k.in_transit_to_id = $1))) AS affects_you
    FROM recalls r JOIN batches b ON b.id = r.batch_id JOIN products p ON p.gtin = b.gtin
    JOIN organisations o ON o.id = r.initiated_by_org LEFT JOIN events e ON e.id = r.event_id`;

export type TRecallRow = {
  id: string;
  batch_id: string;
  serials: string[];
  reason: string;
  class: TRecallView['class'];
  status: TRecallView['status'];
  created_at: Date;
  closed_at: Date | null;
  close_note: string | null;
  initiated_by_org: string;
  gtin: string;
  lot: string;
  expiry: string;
  product_name: string;
  owner_org_id: string;
  opener_name: string;
  opener_role: string;
  event_id: string | null;
  affects_you: boolean;
};

export type TRecallViewer = { orgId: string; all: boolean };

/** The manufacturer of the product, the regulator and the opener see the recall whole. */
export const seesWhole = (row: Pick<TRecallRow, 'owner_org_id' | 'initiated_by_org'>, viewer: TRecallViewer) =>
  viewer.all || row.owner_org_id === viewer.orgId || row.initiated_by_org === viewer.orgId;

export function recallView(row: TRecallRow, viewer: TRecallViewer): TRecallView {
  return {
    id: row.id,
    batch: { id: row.batch_id, gtin: row.gtin, lot: row.lot, expiry: row.expiry, productName: row.product_name },
    scope: row.serials.length === 0 ? 'batch' : 'packs',
    serialCount: row.serials.length,
    ...(seesWhole(row, viewer) && row.serials.length > 0 ? { serials: row.serials } : {}),
    class: row.class,
    reason: row.reason,
    status: row.status,
    eventId: row.event_id,
    openedAt: row.created_at.toISOString(),
    openedBy: { id: row.initiated_by_org, name: row.opener_name, role: row.opener_role.toLowerCase() },
    closedAt: row.closed_at?.toISOString() ?? null,
    closeNote: row.close_note,
    affectsYou: row.affects_you,
  };
}

export async function loadRecallRow(db: Queryable, id: string, viewerOrgId: string | null, lock = false): Promise<TRecallRow | undefined> {
  const { rows } = await db.query<TRecallRow>(`${SELECT_RECALLS} WHERE r.id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [viewerOrgId, id]);
  return rows[0];
}
