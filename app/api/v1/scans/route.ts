import { idempotencyKeyOf, MAX_SCAN_BODY_BYTES, readJsonWithText, recordScans, ZScanRequest } from '@/lib/events';
import { json, parseWith, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Records scans (commission, pack, unpack, ship, return, receive, dispense,
 * restock, destroy, recall, stolen, expire) as EPCIS events, all or none.
 * Honours Idempotency-Key.
 */
export const POST = withApi({ auth: 'events:write' }, async (request, { actor }) => {
  const { text, value } = await readJsonWithText(request, MAX_SCAN_BODY_BYTES);
  const input = parseWith(ZScanRequest, value, 'The body');
  const answer = await recordScans(actor, input, { idempotency: idempotencyKeyOf(request, text) });
  return json(answer.body, { status: answer.status });
});
