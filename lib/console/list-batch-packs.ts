import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TPackStatus } from '@/lib/events/types';
import { PAGE_SIZE, pageWindow, ZPageParam, type TPage } from './paging';

export const PACK_STATUS_FILTERS = ['all', 'ACTIVE', 'DISPENSED', 'RECALLED', 'EXPIRED', 'STOLEN', 'DESTROYED'] as const;

export const ZBatchPacksQuery = z.object({
  serial: z.string().trim().max(20).optional().catch(undefined),
  packStatus: z.enum(PACK_STATUS_FILTERS).catch('all').default('all'),
  packPage: ZPageParam,
});
export type TBatchPacksQuery = z.infer<typeof ZBatchPacksQuery>;

export type TBatchPack = {
  serial: string;
  status: TPackStatus;
  /** Where it is, as the reader may know it (docs/decisions/050: a manufacturer does not learn its customers' customers). */
  whereabouts: 'with-you' | 'in-transit' | 'in-supply-chain' | 'out-of-chain';
  /** The holder's name: for the regulator only. */
  holder: string | null;
  sscc: string | null;
  commissionedAt: string;
};

/**
 * The packs of one batch, for its manufacturer and the regulator (anyone
 * else gets 404, as for a batch that does not exist): serial, status and
 * whereabouts, filtered by status and serial prefix, paged.
 */
export async function listBatchPacks(actor: TActor, batchId: string, query: TBatchPacksQuery): Promise<TPage<TBatchPack>> {
  assertCan(actor, 'catalog:read');
  const scope = readScope(actor);
  const notFound = new AppError('batch_not_found', 'No such batch.');
  if (!isUuid(batchId)) throw notFound;
  const { rows: owners } = await getPool().query<{ owner_org_id: string }>('SELECT p.owner_org_id FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.id = $1', [batchId]);
  if (!owners[0] || (!scope.all && owners[0].owner_org_id !== actor.orgId)) throw notFound;
  const where = `WHERE k.batch_id = $1 AND ($2::text IS NULL OR k.serial LIKE $2 || '%') AND ($3::pack_status IS NULL OR k.status = $3::pack_status)`;
  const params = [batchId, query.serial ? query.serial.replace(/[%_\\]/g, '\\$&') : null, query.packStatus === 'all' ? null : query.packStatus];
  const { rows: counted } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM packs k ${where}`, params);
  const total = counted[0]?.n ?? 0;
  const { page, pages, offset } = pageWindow(total, query.packPage);
  const { rows } = await getPool().query<{ serial: string; status: TPackStatus; custodian_org_id: string | null; in_transit_to_id: string | null; holder: string | null; container_sscc: string | null; commissioned_at: Date }>(
    `SELECT k.serial, k.status, k.custodian_org_id, k.in_transit_to_id, o.name AS holder, k.container_sscc, k.commissioned_at
       FROM packs k LEFT JOIN organisations o ON o.id = k.custodian_org_id ${where}
      ORDER BY k.serial LIMIT $4 OFFSET $5`,
    [...params, PAGE_SIZE, offset],
  );
  const items = rows.map((r) => ({
    serial: r.serial,
    status: r.status,
    whereabouts: r.custodian_org_id === null ? ('out-of-chain' as const) : r.in_transit_to_id !== null ? ('in-transit' as const) : r.custodian_org_id === actor.orgId ? ('with-you' as const) : ('in-supply-chain' as const),
    holder: scope.all ? r.holder : null,
    // The case is the holder's business once the pack has left the manufacturer.
    sscc: scope.all || r.custodian_org_id === actor.orgId ? r.container_sscc : null,
    commissionedAt: r.commissioned_at.toISOString(),
  }));
  return { items, total, page, pages };
}
