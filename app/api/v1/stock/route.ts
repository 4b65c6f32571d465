import { getStock, ZStockQuery } from '@/lib/events';
import { json, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Your current stock by product and batch, with expiry (the regulator: any organisation's, `orgId`). */
export const GET = withApi({ auth: 'events:read' }, async (request, { actor }) => json({ items: await getStock(actor, readQuery(request, ZStockQuery)) }));
