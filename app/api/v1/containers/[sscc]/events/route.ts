import { getContainerHistory } from '@/lib/events';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A case's history: the events naming it, and those of its pallets while it was on them (`via`). */
export const GET = withApi<{ sscc: string }>({ auth: 'events:read' }, async (_request, { actor, params }) => json({ items: await getContainerHistory(actor, params.sscc) }));
