import { getBatchHistory, ZEventPageQuery } from '@/lib/events';
import { json, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The batch's events, newest first, a page at a time (`before` = the previous page's `nextBefore`). */
export const GET = withApi<{ id: string }>({ auth: 'events:read' }, async (request, { actor, params }) =>
  json(await getBatchHistory(actor, params.id, readQuery(request, ZEventPageQuery))),
);
