import type { TActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool, withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueNotifications } from '@/lib/webhooks/enqueue-notifications';
import type { THolding } from './propagate-recall';
import { recallNotifications } from './recall-notifications';
import { loadRecallRow, recallView } from './recall-view';
import type { TRecallClose, TRecallView } from './schemas';

/**
 * Closes a recall once it is done (stock returned or destroyed), by the
 * organisation that opened it or the regulator, with a note. The recall row
 * stays for good (the database refuses to delete it), its packs stay
 * RECALLED and its batch RECALLED: closing ends the action, not the fact.
 */
export async function closeRecall(actor: TActor, id: string, input: TRecallClose): Promise<TRecallView> {
  assertCan(actor, 'recall:write');
  if (!isUuid(id)) throw new AppError('recall_not_found');
  const regulator = can(actor, 'network:read');
  await withTransaction(async (tx) => {
    const row = await loadRecallRow(tx, id, actor.orgId, true);
    if (!row) throw new AppError('recall_not_found');
    if (!regulator && row.initiated_by_org !== actor.orgId) throw new AppError('recall_close_not_allowed');
    if (row.status === 'CLOSED') throw new AppError('recall_closed', `The recall was closed on ${row.closed_at?.toISOString().slice(0, 10)}.`);
    await tx.query(`UPDATE recalls SET status = 'CLOSED', closed_at = now(), closed_by_user = $2, close_note = $3 WHERE id = $1`, [id, actor.kind === 'user' ? actor.userId : null, input.note]);
    await enqueueNotifications(tx, await recallNotifications(tx, id, 'recall.closed', await remainingHoldings(tx, id, row.batch_id)));
  });
  const row = await loadRecallRow(getPool(), id, actor.orgId);
  return recallView(row!, { orgId: actor.orgId, all: regulator });
}

async function remainingHoldings(tx: Parameters<typeof loadRecallRow>[0], recallId: string, batchId: string): Promise<THolding[]> {
  const { rows } = await tx.query<{ org_id: string; held: number; incoming: number }>(
    `SELECT org_id, count(*) FILTER (WHERE NOT incoming)::int AS held, count(*) FILTER (WHERE incoming)::int AS incoming
       FROM (SELECT custodian_org_id AS org_id, false AS incoming FROM packs WHERE batch_id = $1 AND recall_id = $2 AND status = 'RECALLED'
             UNION ALL SELECT in_transit_to_id, true FROM packs WHERE batch_id = $1 AND recall_id = $2 AND status = 'RECALLED' AND in_transit_to_id IS NOT NULL) h
      WHERE org_id IS NOT NULL GROUP BY org_id`,
    [batchId, recallId],
  );
  return rows.map((r) => ({ orgId: r.org_id, held: r.held, incoming: r.incoming }));
}
