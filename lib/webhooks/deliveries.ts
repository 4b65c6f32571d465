import { auditActorIds, type TActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/auth/audit';
import { assertCan } from '@/lib/auth/permissions';
import { getPool, withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TDeliveryQuery, TDeliveryView } from './schemas';
import { webhookView } from './webhook-view';

/** The delivery log of one webhook, newest first, a page at a time (cursor: delivery id). */
export async function listDeliveries(actor: TActor, webhookId: string, query: TDeliveryQuery): Promise<{ items: TDeliveryView[]; nextBefore: string | null }> {
  assertCan(actor, 'webhooks:manage');
  await webhookView(getPool(), actor, webhookId);
  const { rows } = await getPool().query<TRow>(
    `SELECT ${COLUMNS} FROM webhook_deliveries WHERE webhook_id = $1 AND ($2::delivery_status IS NULL OR status = $2) AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [webhookId, query.status ?? null, query.before ?? null, query.limit + 1],
  );
  const items = rows.slice(0, query.limit).map(toView);
  return { items, nextBefore: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/**
 * Sends a delivery again: it becomes pending with a fresh count of
 * attempts. It keeps its id, so it goes out before the webhook's later
 * pending deliveries, and a receiver that already processed it recognises
 * it by its webhook-id.
 */
export async function redeliver(actor: TActor, webhookId: string, deliveryId: string, context: { ip: string | null }): Promise<TDeliveryView> {
  assertCan(actor, 'webhooks:manage');
  await webhookView(getPool(), actor, webhookId);
  if (!/^\d{1,19}$/.test(deliveryId)) throw new AppError('delivery_not_found');
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<TRow>(
      `UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL, last_status_code = NULL
        WHERE id = $1 AND webhook_id = $2 AND status <> 'PENDING' RETURNING ${COLUMNS}`,
      [deliveryId, webhookId],
    );
    if (!rows[0]) {
      const { rowCount } = await tx.query('SELECT 1 FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2', [deliveryId, webhookId]);
      if (rowCount === 0) throw new AppError('delivery_not_found');
      throw new AppError('conflict', 'The delivery is already waiting to be sent.');
    }
    await recordAudit(tx, { action: 'webhook.redeliver', orgId: actor.orgId, ...auditActorIds(actor), targetType: 'webhook_delivery', targetId: deliveryId, ip: context.ip });
    return toView(rows[0]);
  });
}

const COLUMNS = `id::text AS id, topic, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at, payload`;

type TRow = {
  id: string;
  topic: string;
  status: TDeliveryView['status'];
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  payload: unknown;
};

function toView(row: TRow): TDeliveryView {
  return {
    id: row.id,
    topic: row.topic,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at.toISOString() : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    payload: row.payload,
  };
}
