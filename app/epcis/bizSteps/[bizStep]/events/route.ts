import { bizStepPathFilter, eventPageResponse, queryEpcisEvents, readEventQuery, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** The events of one business step (a CBV word in any spelling, or a percent-encoded URI). */
export const GET = withEpcis<{ bizStep: string }, 'events:read'>({ auth: 'events:read', area: 'query' }, async (request, { actor, params }) => {
  const query = readEventQuery(new URL(request.url).searchParams, bizStepPathFilter(params.bizStep));
  return eventPageResponse(request, await queryEpcisEvents(actor, query));
});
