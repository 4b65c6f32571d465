import type { TOrgActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/auth/uuid';
import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TWebhookView } from './schemas';

/** A webhook as its organisation's admins see it (never the secret), with the state of its deliveries. */
const SELECT_WEBHOOKS = `
  SELECT w.id, w.url, w.topics, w.active, w.created_at,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'PENDING') AS pending,
         (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'FAILED') AS failed,
         (SELECT max(d.delivered_at) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'DELIVERED') AS last_delivered_at,
         (SELECT d.last_error FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.attempts > 0 ORDER BY d.id DESC LIMIT 1) AS last_error
    FROM webhooks w`;

type TRow = { id: string; url: string; topics: string[]; active: boolean; created_at: Date; pending: number; failed: number; last_delivered_at: Date | null; last_error: string | null };

function toView(row: TRow): TWebhookView {
  return {
    id: row.id,
    url: row.url,
    topics: row.topics,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    deliveries: { pending: row.pending, failed: row.failed, lastDeliveredAt: row.last_delivered_at?.toISOString() ?? null, lastError: row.last_error },
  };
}

export async function webhookViews(db: Queryable, orgId: string): Promise<TWebhookView[]> {
  const { rows } = await db.query<TRow>(`${SELECT_WEBHOOKS} WHERE w.org_id = $1 ORDER BY w.created_at, w.id`, [orgId]);
  return rows.map(toView);
}

/** One of the actor's organisation's webhooks, or 404 (another organisation's webhook is not the caller's business). */
export async function webhookView(db: Queryable, actor: TOrgActor, id: string): Promise<TWebhookView> {
  if (!isUuid(id)) throw new AppError('webhook_not_found');
  const { rows } = await db.query<TRow>(`${SELECT_WEBHOOKS} WHERE w.id = $1 AND w.org_id = $2`, [id, actor.orgId]);
  if (!rows[0]) throw new AppError('webhook_not_found');
  return toView(rows[0]);
}
