import { eventPageResponse, eventTypePathFilter, queryEpcisEvents, readEventQuery, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** The events of one type (a standard name, or the percent-encoded IRI of an extension type). */
export const GET = withEpcis<{ eventType: string }, 'events:read'>({ auth: 'events:read', area: 'query' }, async (request, { actor, params }) => {
  const query = readEventQuery(new URL(request.url).searchParams, eventTypePathFilter(params.eventType));
  return eventPageResponse(request, await queryEpcisEvents(actor, query));
});
