import { recordLookup } from './lookup-log';
import { readVerifyInput } from './read-verify-input';
import type { TLookupChannel, TVerdict, TVerifyInput } from './types';
import { verifyBatch } from './verify-batch';
import { verifyPack } from './verify-pack';

/**
 * The public verdict on whatever a person has: a pack code in any GS1 form,
 * a batch ID, or fields typed from the box (readVerifyInput). Counted in
 * the lookup statistics without the caller's identity (lookup-log.ts).
 * Callers apply the per-client rate limit first (assertVerifyRate).
 *
 * Throws the 422 of an unreadable or incomplete input (gs1_*, verify_*).
 */
export async function verifyCode(input: TVerifyInput, options: { channel: TLookupChannel; now?: Date }): Promise<TVerdict> {
  const now = options.now ?? new Date();
  const target = readVerifyInput(input, { today: now });
  const verdict = target.kind === 'pack' ? await verifyPack(target, now) : await verifyBatch(target, now);
  recordLookup({
    kind: target.kind,
    gtin: target.gtin,
    lot: target.kind === 'batch' ? target.lot : (target.scanned.lot ?? null),
    serial: target.kind === 'pack' ? target.serial : null,
    verdict: verdict.verdict,
    channel: options.channel,
    at: now,
  });
  return verdict;
}
