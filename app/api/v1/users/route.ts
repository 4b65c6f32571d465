import { listUsers } from '@/lib/auth/list-users';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The people of the caller's organisation. */
export const GET = withApi({ auth: 'users:manage' }, async (_request, { actor }) => json({ items: await listUsers(actor) }));
