import { auditActorIds, type TActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/auth/audit';
import { assertCan } from '@/lib/auth/permissions';
import { getPool, withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TUpdateWebhook, TWebhookView } from './schemas';
import { webhookView, webhookViews } from './webhook-view';
import { assertPublicHost, parseWebhookUrl } from './webhook-url';
import { webhookSettings } from './webhook-settings';

/** The organisation's webhooks (admins only: a URL can be an internal system's address). */
export async function listWebhooks(actor: TActor): Promise<TWebhookView[]> {
  assertCan(actor, 'webhooks:manage');
  return webhookViews(getPool(), actor.orgId);
}

export async function getWebhook(actor: TActor, id: string): Promise<TWebhookView> {
  assertCan(actor, 'webhooks:manage');
  return webhookView(getPool(), actor, id);
}

/**
 * Changes the URL, the topics or pauses and resumes a webhook. Paused, its
 * deliveries wait (nothing new is queued for it); resumed, they go out in
 * order.
 */
export async function updateWebhook(actor: TActor, id: string, input: TUpdateWebhook, context: { ip: string | null }): Promise<TWebhookView> {
  assertCan(actor, 'webhooks:manage');
  await webhookView(getPool(), actor, id);
  let url: string | undefined;
  if (input.url !== undefined) {
    const settings = webhookSettings();
    const parsed = parseWebhookUrl(input.url, settings);
    await assertPublicHost(parsed, settings);
    url = parsed.href;
  }
  return withTransaction(async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE webhooks SET url = coalesce($3, url), topics = coalesce($4::text[], topics), active = coalesce($5, active) WHERE id = $1 AND org_id = $2`,
      [id, actor.orgId, url ?? null, input.topics ?? null, input.active ?? null],
    );
    if (rowCount === 0) throw new AppError('webhook_not_found');
    await recordAudit(tx, { action: 'webhook.update', orgId: actor.orgId, ...auditActorIds(actor), targetType: 'webhook', targetId: id, ip: context.ip, detail: { ...input, ...(url ? { url } : {}) } });
    return webhookView(tx, actor, id);
  });
}

/** Removes a webhook and its delivery log; pending deliveries are dropped. The audit log keeps who did it. */
export async function deleteWebhook(actor: TActor, id: string, context: { ip: string | null }): Promise<void> {
  assertCan(actor, 'webhooks:manage');
  const existing = await webhookView(getPool(), actor, id);
  await withTransaction(async (tx) => {
    const { rowCount } = await tx.query('SELECT 1 FROM webhooks WHERE id = $1 AND org_id = $2 FOR UPDATE', [id, actor.orgId]);
    if (rowCount === 0) throw new AppError('webhook_not_found');
    await tx.query('DELETE FROM webhook_deliveries WHERE webhook_id = $1', [id]);
    await tx.query('DELETE FROM webhooks WHERE id = $1', [id]);
    await recordAudit(tx, { action: 'webhook.delete', orgId: actor.orgId, ...auditActorIds(actor), targetType: 'webhook', targetId: id, ip: context.ip, detail: { url: existing.url } });
  });
}
