import { changeAlertStatus, getAlert, ZAlertChangeInput } from '@/lib/alerts';
import { json, readJsonAs, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** One alert, with its changes and the events that caused it. */
export const GET = withApi<{ id: string }>({ auth: 'alerts:read' }, async (_request, { actor, params }) => json(await getAlert(actor, params.id)));

/** Acknowledge, investigate or close (with a resolution) an alert. */
export const PATCH = withApi<{ id: string }>({ auth: 'alerts:manage' }, async (request, { actor, params }) => {
  const input = await readJsonAs(request, ZAlertChangeInput, 16_384);
  return json(await changeAlertStatus(actor, params.id, input));
});
