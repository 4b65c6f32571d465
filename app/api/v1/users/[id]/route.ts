import { ZUpdateUser } from '@/lib/auth/schemas';
import { updateUser } from '@/lib/auth/update-user';
import { json, readJsonAs, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Deactivate (`{"active": false}`, which also ends their sessions), reactivate, or change the role of a colleague. */
export const PATCH = withApi<{ id: string }>({ auth: 'users:manage' }, async (request, { actor, params, ip }) => {
  const input = await readJsonAs(request, ZUpdateUser, 16_384);
  return json(await updateUser(actor, params.id, input, { ip }));
});
