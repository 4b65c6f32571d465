import { revokeApiKey } from '@/lib/auth/revoke-api-key';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Revokes the key; it stops working at once. Idempotent. */
export const DELETE = withApi<{ id: string }>({ auth: 'keys:manage' }, async (_request, { actor, params, ip }) =>
  json(await revokeApiKey(actor, params.id, { ip })),
);
