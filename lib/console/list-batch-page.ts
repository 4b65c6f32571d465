import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { BATCH_COLUMNS, BATCH_FROM, toBatch, type TBatch, type TBatchRow } from '@/lib/catalog/batch-summary';
import { getPool } from '@/lib/db';
import { PAGE_SIZE, pageWindow, ZPageParam, type TPage } from './paging';

/** Days before expiry from which a batch counts as expiring soon (the usual minimum remaining shelf life a pharmacy accepts). */
export const EXPIRING_DAYS = 90;

export const BATCH_STATUS_FILTERS = ['all', 'active', 'expiring', 'expired', 'recalled'] as const;

export const ZBatchPageQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  gtin: z.string().regex(/^\d{14}$/).optional().catch(undefined),
  status: z.enum(BATCH_STATUS_FILTERS).catch('all').default('all'),
  page: ZPageParam,
});
export type TBatchPageQuery = z.infer<typeof ZBatchPageQuery>;

export type TBatchRowView = TBatch & {
  /** Packs of the whole batch: for its manufacturer and the regulator; null for others (volumes are the manufacturer's business). */
  packs: number | null;
  /** Packs the reader holds now and has not shipped. */
  held: number;
};

/**
 * The batches table of the console: the batches the actor may see (the
 * same scope as lib/catalog listBatches, docs/decisions/050), filtered and
 * paged on the server, newest expiry first, with pack counts.
 */
export async function listBatchPage(actor: TActor, query: TBatchPageQuery): Promise<TPage<TBatchRowView>> {
  assertCan(actor, 'catalog:read');
  const scope = readScope(actor);
  const me = scope.all ? null : scope.orgId;
  const where = `WHERE ($1::text IS NULL OR lower(b.lot) LIKE $1 || '%' OR strpos(lower(p.name), $1) > 0 OR b.gtin LIKE $1 || '%')
        AND ($2::uuid IS NULL OR p.owner_org_id = $2 OR b.id IN (SELECT k.batch_id FROM packs k WHERE k.custodian_org_id = $2))
        AND (CASE $3::text WHEN 'active' THEN b.status = 'ACTIVE' AND b.expiry >= current_date
                           WHEN 'expiring' THEN b.status = 'ACTIVE' AND b.expiry >= current_date AND b.expiry < current_date + ${EXPIRING_DAYS}
                           WHEN 'expired' THEN b.expiry < current_date
                           WHEN 'recalled' THEN b.status = 'RECALLED'
                           ELSE true END)
        AND ($4::text IS NULL OR b.gtin = $4)`;
  const params = [query.q ? query.q.toLowerCase() : null, me, query.status, query.gtin ?? null];
  const { rows: counted } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${BATCH_FROM} ${where}`, params);
  const total = counted[0]?.n ?? 0;
  const { page, pages, offset } = pageWindow(total, query.page);
  const { rows } = await getPool().query<TBatchRow & { packs: number; held: number }>(
    `SELECT ${BATCH_COLUMNS},
            (SELECT count(*)::int FROM packs k WHERE k.batch_id = b.id) AS packs,
            (SELECT count(*)::int FROM packs k WHERE k.batch_id = b.id AND k.custodian_org_id = $7 AND k.in_transit_to_id IS NULL) AS held
       FROM ${BATCH_FROM} ${where}
      ORDER BY b.expiry DESC, b.lot, b.id LIMIT $5 OFFSET $6`,
    [...params, PAGE_SIZE, offset, scope.all ? actor.orgId : me],
  );
  const items = rows.map((row) => ({ ...toBatch(row), packs: me === null || row.owner_org_id === me ? row.packs : null, held: row.held }));
  return { items, total, page, pages };
}
