import { describeActor } from '@/lib/auth/describe-actor';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The caller (user or API key), its organisation and its permissions. */
export const GET = withApi({ auth: 'org:read' }, async (_request, { actor }) => json(await describeActor(actor)));
