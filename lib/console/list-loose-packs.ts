import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

export type TLooseBatch = { batchId: string; gtin: string; productName: string; lot: string; expiry: string; loose: number };

/**
 * Batches of which the organisation holds loose packs that may be packed
 * and shipped (active, not in transit, in no case, batch neither recalled
 * nor expired): the choices of the "fill a case" form.
 */
export async function listLoosePacks(actor: TActor): Promise<TLooseBatch[]> {
  assertCan(actor, 'events:read');
  const { rows } = await getPool().query<{ batch_id: string; gtin: string; name: string; lot: string; expiry: string; loose: number }>(
    `SELECT b.id AS batch_id, b.gtin, pr.name, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, count(*)::int AS loose
       FROM packs k JOIN batches b ON b.id = k.batch_id JOIN products pr ON pr.gtin = b.gtin
      WHERE k.custodian_org_id = $1 AND k.status = 'ACTIVE' AND k.in_transit_to_id IS NULL AND k.container_sscc IS NULL
        AND b.status = 'ACTIVE' AND b.expiry >= current_date
      GROUP BY b.id, b.gtin, pr.name, b.lot, b.expiry
      ORDER BY pr.name, b.expiry, b.lot`,
    [actor.orgId],
  );
  return rows.map((r) => ({ batchId: r.batch_id, gtin: r.gtin, productName: r.name, lot: r.lot, expiry: r.expiry, loose: r.loose }));
}
