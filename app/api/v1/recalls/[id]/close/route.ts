import { json, readJsonAs, withApi } from '@/lib/http';
import { closeRecall, ZRecallClose } from '@/lib/recalls';

export const dynamic = 'force-dynamic';

/** Closes a recall (its opener or the regulator); it is never deleted. */
export const POST = withApi<{ id: string }>({ auth: 'recall:write' }, async (request, { actor, params }) => {
  const input = await readJsonAs(request, ZRecallClose, 16_384);
  return json(await closeRecall(actor, params.id, input));
});
