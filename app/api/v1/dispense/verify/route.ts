import { readJsonAs, withApi, json } from '@/lib/http';
import { checkPack } from '@/lib/verification/check-pack';
import { ZCounterRequest } from '@/lib/verification/schemas';

export const dynamic = 'force-dynamic';

/**
 * Verify a pack in stock without decommissioning it: its verdict, whether
 * it is in your stock, and whether dispensing it now would be accepted.
 * Nothing is recorded in the ledger; a check finding a suspicious pack
 * raises an alert.
 */
export const POST = withApi({ auth: 'verify:stock' }, async (request, { actor }) => {
  const body = await readJsonAs(request, ZCounterRequest, 16_384);
  return json(await checkPack(actor, body));
});
