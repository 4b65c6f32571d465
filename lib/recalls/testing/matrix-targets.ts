import type { TActor, TOrgActor } from '@/lib/auth/actor';
import { registerBatch } from '@/lib/catalog/register-batch';
import { freshLot, manufacturerTargets } from '@/lib/events/testing/matrix-targets';
import { openRecall } from '../open-recall';

/**
 * Targets for the access matrix: a fresh batch of the manufacturer's
 * product to recall (every caller recalls its own), and open recalls.
 */
export async function freshRecallableBatch(maker: TActor): Promise<string> {
  const { gtin } = await manufacturerTargets(maker);
  return (await registerBatch(maker as TOrgActor, { gtin, lot: freshLot(), expiry: '2031-03-31' })).id;
}

export async function openTestRecall(maker: TActor): Promise<string> {
  const batchId = await freshRecallableBatch(maker);
  return (await openRecall(maker, { batchId, class: 'III', reason: 'Access matrix recall of a test batch.' })).id;
}
