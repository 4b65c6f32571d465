import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { PAGE_SIZE, pageWindow, ZPageParam, type TPage } from './paging';

export const CASE_FILTERS = ['all', 'ready', 'empty', 'in-transit'] as const;

export const ZCaseQuery = z.object({
  state: z.enum(CASE_FILTERS).catch('all').default('all'),
  page: ZPageParam,
  /** One case only (the case page). */
  sscc: z.string().regex(/^\d{18}$/).optional().catch(undefined),
});
export type TCaseQuery = z.infer<typeof ZCaseQuery>;

export type TCaseView = {
  sscc: string;
  packCount: number;
  caseCount: number;
  /** What is inside, by product and lot: "24 × Amoxicillin 500 mg capsules, lot AMX2401". */
  lines: { productName: string; lot: string; expiry: string; count: number }[];
  /** The destination while shipped and not yet received (the shipper sees it). */
  inTransitTo: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * The cases and pallets the organisation holds (top level: not on a pallet;
 * or the one case asked for), for the packing and shipping screen: empty ones being filled, full ones
 * ready to ship, and shipped ones not yet received by their destination.
 */
export async function listCases(actor: TActor, query: TCaseQuery): Promise<TPage<TCaseView>> {
  assertCan(actor, 'events:read');
  const where = `WHERE c.custodian_org_id = $1 AND c.status = 'ACTIVE' AND ($3::bpchar IS NULL AND c.parent_sscc IS NULL OR c.sscc = $3::bpchar)
        AND (CASE $2::text WHEN 'in-transit' THEN c.in_transit_to_id IS NOT NULL
                           WHEN 'ready' THEN c.in_transit_to_id IS NULL AND EXISTS (SELECT 1 FROM packs k WHERE k.container_sscc = c.sscc UNION ALL SELECT 1 FROM containers d WHERE d.parent_sscc = c.sscc)
                           WHEN 'empty' THEN c.in_transit_to_id IS NULL AND NOT EXISTS (SELECT 1 FROM packs k WHERE k.container_sscc = c.sscc UNION ALL SELECT 1 FROM containers d WHERE d.parent_sscc = c.sscc)
                           ELSE true END)`;
  const { rows: counted } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM containers c ${where}`, [actor.orgId, query.state, query.sscc ?? null]);
  const total = counted[0]?.n ?? 0;
  const { page, pages, offset } = pageWindow(total, query.page);
  const { rows } = await getPool().query<{ sscc: string; transit: string | null; created_at: Date; updated_at: Date; cases: number; lines: TCaseView['lines'] | null }>(
    `SELECT c.sscc, t.name AS transit, c.created_at, c.updated_at,
            (SELECT count(*)::int FROM containers d WHERE d.parent_sscc = c.sscc) AS cases,
            (SELECT json_agg(json_build_object('productName', x.name, 'lot', x.lot, 'expiry', x.expiry, 'count', x.n) ORDER BY x.name, x.lot)
               FROM (SELECT pr.name, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, count(*)::int AS n
                       FROM packs k JOIN batches b ON b.id = k.batch_id JOIN products pr ON pr.gtin = b.gtin
                      WHERE k.container_sscc = c.sscc GROUP BY pr.name, b.lot, b.expiry) x) AS lines
       FROM containers c LEFT JOIN organisations t ON t.id = c.in_transit_to_id ${where}
      ORDER BY c.in_transit_to_id IS NOT NULL, c.updated_at DESC, c.sscc LIMIT $4 OFFSET $5`,
    [actor.orgId, query.state, query.sscc ?? null, PAGE_SIZE, offset],
  );
  const items = rows.map((r) => {
    const lines = r.lines ?? [];
    return { sscc: r.sscc, packCount: lines.reduce((n, l) => n + l.count, 0), caseCount: r.cases, lines, inTransitTo: r.transit, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() };
  });
  return { items, total, page, pages };
}
