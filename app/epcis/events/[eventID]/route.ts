import { json } from '@/lib/http';
import { getEpcisEvent, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** One event (percent-encoded eventID, e.g. ni%3A%2F%2F%2Fsha-256%3B…) and its error declarations. */
export const GET = withEpcis<{ eventID: string }, 'events:read'>({ auth: 'events:read', area: 'query' }, async (_request, { actor, params }) => {
  return json(await getEpcisEvent(actor, params.eventID));
});
