import { json, withApi } from '@/lib/http';
import { getRecall } from '@/lib/recalls';

export const dynamic = 'force-dynamic';

/** One recall, with its packs by status (yours only, unless you are its manufacturer, its opener or the regulator). */
export const GET = withApi<{ id: string }>({ auth: 'catalog:read' }, async (_request, { actor, params }) => json(await getRecall(actor, params.id)));
