import { randomUUID } from 'node:crypto';
import { auditActorIds, type TActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/auth/audit';
import { assertCan } from '@/lib/auth/permissions';
import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TCreateWebhook, TWebhookView } from './schemas';
import { sealSecret } from './secret-box';
import { newWebhookSecret } from './sign-webhook';
import { webhookView } from './webhook-view';
import { assertPublicHost, parseWebhookUrl } from './webhook-url';
import { webhookSettings } from './webhook-settings';

/** Webhooks per organisation: enough for an ERP, a pharmacy system and a test endpoint or two. */
export const MAX_WEBHOOKS_PER_ORG = 10;

/**
 * Registers a webhook for the admin's organisation. The answer carries the
 * signing secret ("whsec_..."), the only time it is shown; it is stored
 * encrypted (secret-box.ts). The URL must be https and resolve to public
 * addresses only (webhook-url.ts).
 */
export async function createWebhook(actor: TActor, input: TCreateWebhook, context: { ip: string | null }): Promise<{ webhook: TWebhookView; secret: string }> {
  assertCan(actor, 'webhooks:manage');
  const settings = webhookSettings();
  const url = parseWebhookUrl(input.url, settings);
  await assertPublicHost(url, settings);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const sealed = await sealSecret(secret.key, id);
  secret.key.fill(0);
  return withTransaction(async (tx) => {
    // The organisation row is locked so two admins adding webhooks at once cannot both pass the limit.
    await tx.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [actor.orgId]);
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM webhooks WHERE org_id = $1', [actor.orgId]);
    if ((rows[0]?.n ?? 0) >= MAX_WEBHOOKS_PER_ORG) throw new AppError('webhook_limit_reached', `An organisation may have at most ${MAX_WEBHOOKS_PER_ORG} webhooks; delete one first.`);
    await tx.query('INSERT INTO webhooks (id, org_id, url, secret, topics) VALUES ($1, $2, $3, $4, $5)', [id, actor.orgId, url.href, sealed, input.topics]);
    await recordAudit(tx, { action: 'webhook.create', orgId: actor.orgId, ...auditActorIds(actor), targetType: 'webhook', targetId: id, ip: context.ip, detail: { url: url.href, topics: input.topics } });
    return { webhook: await webhookView(tx, actor, id), secret: secret.text };
  });
}
