import type { TOrgRole } from '@/lib/auth/actor';
import type { Queryable } from '@/lib/db';
import type { TWebhookTopic } from './topics';

/**
 * The outbox: deliveries are rows written in the same transaction as the
 * change they tell about (an alert raised, a recall opened), so a change is
 * never committed without its notifications, nor notified without being
 * committed. The sender (deliver-due-webhooks.ts) sends them afterwards.
 */
export type TNotification = {
  topic: TWebhookTopic;
  /** Organisations to tell (their active webhooks subscribed to the topic). */
  audience: readonly string[];
  /** Tell every regulator as well (the regulator sees every alert and recall). */
  regulators: boolean;
  /** The body's `data`, as this organisation may see it. */
  dataFor: (org: { id: string; role: TOrgRole }) => unknown;
};

type THook = { id: string; org_id: string; role: TOrgRole; topics: string[] };

/**
 * Writes one delivery per notification and subscribed webhook. The webhooks
 * are locked (in id order) until the transaction ends, so deliveries to one
 * webhook get ids in the order their transactions commit: the sender, which
 * sends in id order, then sends them in the order the changes happened.
 * Returns the number of deliveries written.
 */
export async function enqueueNotifications(db: Queryable, notifications: readonly TNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const topics = [...new Set(notifications.map((n) => n.topic))];
  const orgs = [...new Set(notifications.flatMap((n) => n.audience))];
  const { rows: hooks } = await db.query<THook>(
    `SELECT w.id, w.org_id, o.role, w.topics FROM webhooks w JOIN organisations o ON o.id = w.org_id
      WHERE w.active AND w.topics && $1::text[] AND (w.org_id = ANY($2::uuid[]) OR ($3 AND o.role = 'REGULATOR'))
      ORDER BY w.id FOR UPDATE OF w`,
    [topics, orgs, notifications.some((n) => n.regulators)],
  );
  if (hooks.length === 0) return 0;
  const timestamp = new Date().toISOString();
  const rows: { webhookId: string; topic: string; payload: string }[] = [];
  for (const notification of notifications) {
    const audience = new Set(notification.audience);
    for (const hook of hooks) {
      if (!hook.topics.includes(notification.topic)) continue;
      if (!audience.has(hook.org_id) && !(notification.regulators && hook.role === 'REGULATOR')) continue;
      const payload = { type: notification.topic, timestamp, data: notification.dataFor({ id: hook.org_id, role: hook.role }) };
      rows.push({ webhookId: hook.id, topic: notification.topic, payload: JSON.stringify(payload) });
    }
  }
  if (rows.length === 0) return 0;
  await db.query(
    `INSERT INTO webhook_deliveries (webhook_id, topic, payload)
     SELECT d.webhook_id, d.topic, d.payload::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS d(webhook_id, topic, payload, n) ORDER BY d.n`,
    [rows.map((r) => r.webhookId), rows.map((r) => r.topic), rows.map((r) => r.payload)],
  );
  return rows.length;
}
