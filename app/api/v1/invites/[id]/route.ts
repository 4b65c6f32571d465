import { revokeInvite } from '@/lib/auth/revoke-invite';
import { withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Withdraws a pending invite: its link stops working. */
export const DELETE = withApi<{ id: string }>({ auth: 'users:manage' }, async (_request, { actor, params, ip }) => {
  await revokeInvite(actor, params.id, { ip });
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});
