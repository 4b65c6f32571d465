import { idempotencyKeyOf, readJsonWithText } from '@/lib/events';
import { json, parseWith, withApi } from '@/lib/http';
import { ZCounterRequest } from '@/lib/verification/schemas';
import { undoDispense } from '@/lib/verification/undo-dispense';

export const dynamic = 'force-dynamic';

/**
 * Undo a dispensing (EU FMD): the same pharmacy, within 10 days, and not
 * once the pack is expired or recalled. The pack is active in the
 * pharmacy's stock again; the undo is an event of its own on the ledger.
 */
export const POST = withApi({ auth: 'dispense' }, async (request, { actor }) => {
  const { text, value } = await readJsonWithText(request, 16_384);
  const body = parseWith(ZCounterRequest, value, 'The body');
  return json(await undoDispense(actor, body, { idempotency: idempotencyKeyOf(request, text) }), { status: 201 });
});
