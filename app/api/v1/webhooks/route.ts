import { json, readJsonAs, withApi } from '@/lib/http';
import { createWebhook, listWebhooks, ZCreateWebhook } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

/** The organisation's webhooks (admins). */
export const GET = withApi({ auth: 'webhooks:manage' }, async (_request, { actor }) => json({ items: await listWebhooks(actor) }));

/** Registers a webhook; the answer carries its signing secret, shown this once. */
export const POST = withApi({ auth: 'webhooks:manage' }, async (request, { actor, ip }) => {
  const input = await readJsonAs(request, ZCreateWebhook, 16_384);
  const { webhook, secret } = await createWebhook(actor, input, { ip });
  return json({ ...webhook, secret }, { status: 201 });
});
