import { getContainer } from '@/lib/events';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A case or pallet: state and contents, for its creator, the regulator and the parties to its events. */
export const GET = withApi<{ sscc: string }>({ auth: 'events:read' }, async (_request, { actor, params }) => json(await getContainer(actor, params.sscc)));
