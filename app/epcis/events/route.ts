import { discoveryResponse, eventPageResponse, queryEpcisEvents, readEventQuery, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** Discovery (GS1 REST binding): methods and versions of the events resource. */
export function OPTIONS(): Response {
  return discoveryResponse(['OPTIONS', 'GET']);
}

/**
 * The events the caller took part in (the regulator: all), filtered by the
 * EPCIS query parameters, as an EPCISQueryDocument; exact pages with
 * perPage and nextPageToken (Link: rel="next").
 */
export const GET = withEpcis({ auth: 'events:read', area: 'query' }, async (request, { actor }) => {
  return eventPageResponse(request, await queryEpcisEvents(actor, readEventQuery(new URL(request.url).searchParams)));
});
