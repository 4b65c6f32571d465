import { idempotencyKeyOf, readJsonWithText } from '@/lib/events';
import { json, parseWith, withApi } from '@/lib/http';
import { dispensePack } from '@/lib/verification/dispense-pack';
import { ZCounterRequest } from '@/lib/verification/schemas';

export const dynamic = 'force-dynamic';

/**
 * Verify and decommission one pack at the counter (EU FMD dispensing), in
 * one action. Refusals are problem+json with the reason code
 * (already_dispensed, unknown_serial, batch_mismatch, pack_expired, ...),
 * the pack's public verdict and an alert raised. Honours Idempotency-Key.
 */
export const POST = withApi({ auth: 'dispense' }, async (request, { actor }) => {
  const { text, value } = await readJsonWithText(request, 16_384);
  const body = parseWith(ZCounterRequest, value, 'The body');
  return json(await dispensePack(actor, body, { idempotency: idempotencyKeyOf(request, text) }), { status: 201 });
});
