import { createApiKey } from '@/lib/auth/create-api-key';
import { listApiKeys } from '@/lib/auth/list-api-keys';
import { ZCreateApiKey } from '@/lib/auth/schemas';
import { json, readJsonAs, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The organisation's API keys (never their secrets). */
export const GET = withApi({ auth: 'keys:manage' }, async (_request, { actor }) => json({ items: await listApiKeys(actor) }));

/** A new key; the answer is the only time the full key is shown. */
export const POST = withApi({ auth: 'keys:manage' }, async (request, { actor, ip }) => {
  const input = await readJsonAs(request, ZCreateApiKey, 16_384);
  return json(await createApiKey(actor, input, { ip }), { status: 201 });
});
