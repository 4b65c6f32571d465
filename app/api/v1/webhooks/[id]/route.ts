import { json, readJsonAs, withApi } from '@/lib/http';
import { deleteWebhook, getWebhook, updateWebhook, ZUpdateWebhook } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

export const GET = withApi<{ id: string }>({ auth: 'webhooks:manage' }, async (_request, { actor, params }) => json(await getWebhook(actor, params.id)));

/** Changes the URL or topics, or pauses (active: false) and resumes the webhook. */
export const PATCH = withApi<{ id: string }>({ auth: 'webhooks:manage' }, async (request, { actor, params, ip }) => {
  const input = await readJsonAs(request, ZUpdateWebhook, 16_384);
  return json(await updateWebhook(actor, params.id, input, { ip }));
});

/** Removes the webhook and its delivery log. */
export const DELETE = withApi<{ id: string }>({ auth: 'webhooks:manage' }, async (_request, { actor, params, ip }) => {
  await deleteWebhook(actor, params.id, { ip });
  return new Response(null, { status: 204 });
});
