import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toHex } from '@/lib/verify';
import { withAnchorLog } from '../anchor-log/anchor-log-cache';
import { readLatestCheckpoint } from './read-latest-checkpoint';

export type TConsistencyProof = { from: number; to: number; proof: string[] };

/**
 * RFC 9162 consistency proof (§2.1.4.1) between two sizes of the anchor
 * log: it shows that the log at `to` entries contains the log at `from`
 * entries unchanged. Sizes are those of checkpoints a reader holds, so the
 * upper bound is the latest signed checkpoint: 0 < from <= to <= its size.
 */
export async function readConsistencyProof(from: number, to: number): Promise<TConsistencyProof> {
  const db = getPool();
  const latest = await readLatestCheckpoint(db);
  if (!latest) throw new AppError('ledger_nothing_sealed', 'No period has been sealed yet, so there is nothing to prove consistent.');
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from > 0 && from <= to && to <= latest.treeSize)) {
    throw new AppError('ledger_size_out_of_range', `Sizes must satisfy 0 < from <= to <= ${latest.treeSize} (the latest checkpoint); got from=${from}, to=${to}.`, {
      extra: { current: latest.treeSize },
    });
  }
  const proof = await withAnchorLog(db, (log) => log.consistencyProof(from, to));
  return { from, to, proof: proof.map(toHex) };
}
