import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { BATCH_COLUMNS, BATCH_FROM, toBatch, type TBatch, type TBatchRow } from './batch-summary';

export type TPackCounts = Record<'ACTIVE' | 'DISPENSED' | 'RECALLED' | 'STOLEN' | 'EXPIRED' | 'DESTROYED', number>;

export type TBatchDetail = TBatch & {
  /** Whose packs `packs` counts: the whole batch (manufacturer, regulator) or the caller's own. */
  scope: 'batch' | 'yours';
  /** Packs by status; in transit to the caller counted apart for traders. */
  packs: TPackCounts & { total: number; incoming: number };
};

/**
 * One batch with its pack counts. The manufacturer and the regulator see
 * the whole batch; an organisation that holds, is receiving or has
 * dispensed packs of it sees the batch and its own packs only; anyone else
 * gets 404, as if it did not exist.
 */
export async function getBatch(actor: TActor, batchId: string): Promise<TBatchDetail> {
  assertCan(actor, 'catalog:read');
  const scope = readScope(actor);
  const notFound = new AppError('batch_not_found', 'No such batch.');
  if (!isUuid(batchId)) throw notFound;
  const { rows } = await getPool().query<TBatchRow>(`SELECT ${BATCH_COLUMNS} FROM ${BATCH_FROM} WHERE b.id = $1`, [batchId]);
  const row = rows[0];
  if (!row) throw notFound;
  const whole = scope.all || row.owner_org_id === actor.orgId;
  const { rows: counts } = await getPool().query<{ status: keyof TPackCounts; n: string; incoming: string }>(
    `SELECT status, count(*) FILTER (WHERE $2::uuid IS NULL OR custodian_org_id = $2 OR dispensed_by_id = $2) AS n,
            count(*) FILTER (WHERE in_transit_to_id = $2) AS incoming
       FROM packs WHERE batch_id = $1
        AND ($2::uuid IS NULL OR custodian_org_id = $2 OR in_transit_to_id = $2 OR dispensed_by_id = $2)
      GROUP BY status`,
    [batchId, whole ? null : actor.orgId],
  );
  if (!whole && counts.length === 0) throw notFound;
  const packs = { ACTIVE: 0, DISPENSED: 0, RECALLED: 0, STOLEN: 0, EXPIRED: 0, DESTROYED: 0, total: 0, incoming: 0 };
  for (const c of counts) {
    packs[c.status] = Number(c.n);
    packs.total += Number(c.n);
    packs.incoming += Number(c.incoming);
  }
  return { ...toBatch(row), scope: whole ? 'batch' : 'yours', packs };
}
