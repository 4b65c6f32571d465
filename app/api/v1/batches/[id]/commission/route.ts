import { commissionBatch, ZCommissionInput } from '@/lib/catalog';
import { idempotencyKeyOf, readJsonWithText } from '@/lib/events';
import { json, parseWith, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Commissions `count` packs (up to 100,000) with random serials and one
 * commissioning event; the answer lists the serials. Honours Idempotency-Key:
 * a retried request must not commission a second set.
 */
export const POST = withApi<{ id: string }>({ auth: 'serials:commission' }, async (request, { actor, params }) => {
  const { text, value } = await readJsonWithText(request, 16_384);
  const input = parseWith(ZCommissionInput, value, 'The body');
  return json(await commissionBatch(actor, params.id, input, { idempotency: idempotencyKeyOf(request, text) }), { status: 201 });
});
