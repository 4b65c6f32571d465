import { json, withApi } from '@/lib/http';
import { redeliver } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

/** Sends a delivered or failed delivery again (same webhook-id). */
export const POST = withApi<{ id: string; deliveryId: string }>({ auth: 'webhooks:manage' }, async (_request, { actor, params, ip }) =>
  json(await redeliver(actor, params.id, params.deliveryId, { ip })),
);
