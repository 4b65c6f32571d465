import { epcPathFilter, eventPageResponse, queryEpcisEvents, readEventQuery, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** The events naming an EPC (URN or percent-encoded Digital Link) in any role, with the query parameters of /events. */
export const GET = withEpcis<{ epc: string }, 'events:read'>({ auth: 'events:read', area: 'query' }, async (request, { actor, params }) => {
  const query = readEventQuery(new URL(request.url).searchParams, epcPathFilter(params.epc));
  return eventPageResponse(request, await queryEpcisEvents(actor, query));
});
