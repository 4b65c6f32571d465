import { json, readQuery, withApi } from '@/lib/http';
import { readConsistencyProof } from '@/lib/ledger/log/read-consistency-proof';
import { ZConsistencyQuery } from '@/lib/ledger/schemas';

export const dynamic = 'force-dynamic';

/** RFC 9162 consistency proof between two anchor-log sizes: ?from=<size>&to=<size>. */
export const GET = withApi({ auth: 'public' }, async (request) => {
  const { from, to } = readQuery(request, ZConsistencyQuery);
  return json(await readConsistencyProof(from, to));
});
