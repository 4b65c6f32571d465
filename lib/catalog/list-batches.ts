import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { BATCH_COLUMNS, BATCH_FROM, toBatch, type TBatch, type TBatchRow } from './batch-summary';

/**
 * Batches the actor may see (docs/decisions/050): the regulator all of
 * them, a manufacturer its own, and any organisation the batches of the
 * packs it holds. Another organisation's batches are not listed: which lots
 * a manufacturer makes, and when, is its business.
 */
export async function listBatches(actor: TActor, query: { gtin?: string; q?: string; limit?: number } = {}): Promise<TBatch[]> {
  assertCan(actor, 'catalog:read');
  const scope = readScope(actor);
  const q = query.q ? query.q.toLowerCase() : null;
  const { rows } = await getPool().query<TBatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM ${BATCH_FROM}
      WHERE ($1::text IS NULL OR b.gtin = $1)
        AND ($2::text IS NULL OR lower(b.lot) LIKE $2 || '%' OR strpos(lower(p.name), $2) > 0)
        AND ($3::uuid IS NULL OR p.owner_org_id = $3
             OR b.id IN (SELECT k.batch_id FROM packs k WHERE k.custodian_org_id = $3))
      ORDER BY b.expiry DESC, b.lot LIMIT $4`,
    [query.gtin ?? null, q, scope.all ? null : scope.orgId, query.limit ?? 100],
  );
  return rows.map(toBatch);
}
