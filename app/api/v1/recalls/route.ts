import { json, readJsonAs, readQuery, withApi } from '@/lib/http';
import { listRecalls, openRecall, ZRecallInput, ZRecallQuery } from '@/lib/recalls';

export const dynamic = 'force-dynamic';

/** Recalls, newest first (public safety notices: every organisation sees them). */
export const GET = withApi({ auth: 'catalog:read' }, async (request, { actor }) => json(await listRecalls(actor, readQuery(request, ZRecallQuery))));

/** Recalls a batch, or packs of it: the manufacturer its own, the regulator any. */
export const POST = withApi({ auth: 'recall:write' }, async (request, { actor }) => {
  const input = await readJsonAs(request, ZRecallInput, 512_000);
  return json(await openRecall(actor, input), { status: 201 });
});
