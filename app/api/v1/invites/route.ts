import { createInvite } from '@/lib/auth/create-invite';
import { inviteLink } from '@/lib/auth/invite-summary';
import { listInvites } from '@/lib/auth/list-invites';
import { requestOrigin } from '@/lib/auth/request-origin';
import { ZCreateInvite } from '@/lib/auth/schemas';
import { json, readJsonAs, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Invites still waiting to be accepted. */
export const GET = withApi({ auth: 'users:manage' }, async (_request, { actor }) => json({ items: await listInvites(actor) }));

/** Invites a colleague; the answer carries the link, shown this once (there is no mail server). */
export const POST = withApi({ auth: 'users:manage' }, async (request, { actor, ip }) => {
  const input = await readJsonAs(request, ZCreateInvite, 16_384);
  const { invite, token } = await createInvite(actor, input, { ip });
  return json({ ...invite, link: inviteLink(token, requestOrigin(request.headers, request.url)) }, { status: 201 });
});
