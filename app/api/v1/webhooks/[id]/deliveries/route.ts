import { json, readQuery, withApi } from '@/lib/http';
import { listDeliveries, ZDeliveryQuery } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

/** The webhook's delivery log, newest first. */
export const GET = withApi<{ id: string }>({ auth: 'webhooks:manage' }, async (request, { actor, params }) => json(await listDeliveries(actor, params.id, readQuery(request, ZDeliveryQuery))));
