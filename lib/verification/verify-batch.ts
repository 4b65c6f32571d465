import { getPool } from '@/lib/db';
import { decideBatchVerdict } from './decide-verdict';
import { readBatchLedger, readBatchState } from './read-batch-state';
import type { TBatchVerdict, TVerifyTarget } from './types';
import { formatDay, VERDICT_WORDS } from './verdict-words';

const BATCH_WORDS: Partial<Record<TBatchVerdict['verdict'], { headline: string; advice: string }>> = {
  AUTHENTIC: {
    headline: 'Genuine batch: its manufacturer registered it, and its packs are in the legitimate supply chain.',
    advice: 'A genuine batch does not prove that one pack of it is genuine: scan the code on the pack (its serial number) for that.',
  },
  UNKNOWN: {
    headline: 'Unknown batch: the manufacturer never registered this lot for this product.',
    advice: 'Check that you typed the lot as printed (LOT or BATCH on the box). If it is still unknown, do not use the medicine, and show it to a pharmacist or report it to the medicines regulator.',
  },
  MISMATCH: {
    headline: 'Does not match: the batch exists, but the expiry date printed on this box is different.',
    advice: VERDICT_WORDS.MISMATCH.advice,
  },
};

/**
 * The public verdict on a batch (GTIN + lot): its product, manufacturer,
 * expiry and status, how many of its packs were commissioned and how many
 * dispensed, and the commissioning events the page proves. The
 * commissioned count is public in the ledger anyway (each commissioning
 * record states how many packs it names); see docs/decisions/060.
 */
export async function verifyBatch(target: Extract<TVerifyTarget, { kind: 'batch' }>, now = new Date()): Promise<TBatchVerdict> {
  const pool = getPool();
  const stored = await readBatchState(pool, target.gtin, target.lot);
  const { verdict, expired } = decideBatchVerdict(stored, target.scanned, now.toISOString().slice(0, 10));
  const known = verdict !== 'UNKNOWN' && verdict !== 'MISMATCH' && stored?.batch && stored.batchId;
  const ledger = known ? await readBatchLedger(pool, target.gtin, stored.batchId as string) : null;
  const words = BATCH_WORDS[verdict] ?? VERDICT_WORDS[verdict];
  const recall = known ? stored.recall : null;
  return {
    kind: 'batch',
    verdict,
    headline: words.headline,
    advice: words.advice,
    notes: recall && verdict === 'RECALLED' ? [`Recalled on ${formatDay(recall.since)}: ${recall.reason}`] : [],
    gtin: target.gtin,
    lot: target.lot,
    key: target.key,
    scanned: target.scanned,
    product: stored?.product ?? null,
    manufacturer: stored?.manufacturer ?? null,
    batch: known && stored.batch ? { expiry: stored.batch.expiry, manufacturedOn: stored.batch.manufacturedOn, status: stored.batch.status, expired } : null,
    counts: ledger?.counts ?? null,
    recall,
    commissioning: ledger?.commissioning ?? [],
    checkedAt: now.toISOString(),
  };
}
