import { json, readQuery, withApi } from '@/lib/http';
import { listAnchors } from '@/lib/ledger/log/list-anchors';
import { ZAnchorsQuery } from '@/lib/ledger/schemas';

export const dynamic = 'force-dynamic';

/** Sealed periods of the anchor chain: newest first (?before=<seq> pages on), or oldest first from ?after=<seq>. */
export const GET = withApi({ auth: 'public' }, async (request) => {
  const query = readQuery(request, ZAnchorsQuery);
  return json(await listAnchors({ ...query, limit: query.limit ?? 100 }));
});
