import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type TStockLine = {
  gtin: string;
  productName: string;
  batchId: string;
  lot: string;
  /** YYYY-MM-DD */
  expiry: string;
  expired: boolean;
  batchRecalled: boolean;
  /** Packs held and free to dispense or ship on: active, not in transit, batch neither recalled nor expired. */
  available: number;
  /** Held but must not move on towards patients. */
  recalled: number;
  expiredPacks: number;
  /** Shipped by the holder, not yet received: still its responsibility. */
  inTransit: number;
};

/**
 * A custodian's current stock by product and batch, with expiry (from the
 * packs it holds: index packs(custodian_org_id, batch_id)). Each
 * organisation sees its own; the regulator any organisation's (`orgId`).
 */
export async function getStock(actor: TActor, query: { gtin?: string; batchId?: string; orgId?: string } = {}): Promise<TStockLine[]> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const orgId = query.orgId ?? actor.orgId;
  if (orgId !== actor.orgId && !scope.all) throw new AppError('forbidden', "Only the regulator reads another organisation's stock.");
  if (!isUuid(orgId) || (query.batchId !== undefined && !isUuid(query.batchId))) return [];
  const { rows } = await getPool().query<Record<string, string | boolean>>(
    `SELECT b.gtin, pr.name AS product_name, b.id AS batch_id, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, b.expiry < current_date AS expired,
            b.status = 'RECALLED' AS batch_recalled,
            count(*) FILTER (WHERE p.in_transit_to_id IS NULL AND p.status = 'ACTIVE' AND b.status <> 'RECALLED' AND b.expiry >= current_date) AS available,
            count(*) FILTER (WHERE p.status = 'RECALLED' OR (p.status = 'ACTIVE' AND b.status = 'RECALLED')) AS recalled,
            count(*) FILTER (WHERE b.status <> 'RECALLED' AND (p.status = 'EXPIRED' OR (p.status = 'ACTIVE' AND b.expiry < current_date))) AS expired_packs,
            count(*) FILTER (WHERE p.in_transit_to_id IS NOT NULL AND p.status = 'ACTIVE') AS in_transit
       FROM packs p JOIN batches b ON b.id = p.batch_id JOIN products pr ON pr.gtin = b.gtin
      WHERE p.custodian_org_id = $1
        AND ($2::text IS NULL OR b.gtin = $2) AND ($3::uuid IS NULL OR b.id = $3)
      GROUP BY b.gtin, pr.name, b.id, b.lot, b.expiry, b.status
      ORDER BY pr.name, b.expiry, b.lot`,
    [orgId, query.gtin ?? null, query.batchId ?? null],
  );
  return rows.map((r) => ({
    gtin: String(r.gtin),
    productName: String(r.product_name),
    batchId: String(r.batch_id),
    lot: String(r.lot),
    expiry: String(r.expiry),
    expired: r.expired === true,
    batchRecalled: r.batch_recalled === true,
    available: Number(r.available),
    recalled: Number(r.recalled),
    expiredPacks: Number(r.expired_packs),
    inTransit: Number(r.in_transit),
  }));
}
