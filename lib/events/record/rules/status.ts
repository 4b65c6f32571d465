import type { TBatchRef } from '../../build/ledger-records';
import type { TBatchState } from '../../types';
import { applied, refuse, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { batchId, batchIdOf, isBatchKey, markChanged } from '../world';
import { custodyRefusal, factsRefusal, lifeRefusal } from './checks';
import { pushFirst } from './movement';
import { allPacks, resolveTargets } from './targets';

/*
 * Dispositions that change what may be done with a pack without moving it:
 * recalled (by its manufacturer or the regulator: named packs, packs inside
 * named cases, or a whole batch named as a class), expired (by its holder),
 * and plain observations, which change nothing but must name packs that
 * exist and that the recorder holds or is about to receive.
 */

export function recallRule(ctx: TEventContext): TRuleResult {
  const { world, index } = ctx;
  // A recall needs its reason and class, a recalls row, the packs' recall
  // link and an alert to every holder: lib/recalls' openRecall does all of
  // that and hands the recall to this rule. A bare `recalled` disposition
  // from a scanner or an EPCIS document would change pack statuses without
  // any of it, so it is refused with a pointer to the recalls API.
  if (!ctx.event.recall) {
    return refuse([{ index, code: 'recall_requires_recalls_api', detail: `Event ${index}: a recall is opened with POST /api/v1/recalls (with a reason and a class), so that every holder is alerted and the public page can say why.` }]);
  }
  const refusals: TRefusal[] = [];
  const targets = resolveTargets(ctx, refusals);
  const batches: TBatchState[] = [];
  for (const { key } of ctx.event.input.epcs) {
    if (!isBatchKey(key)) continue;
    const { gtin, lot } = batchIdOf(key);
    const batch = world.batches.get(batchId(gtin, lot));
    if (batch) batches.push(batch);
    else refusals.push({ index, code: 'unknown_batch', key, detail: `Event ${index}: product ${gtin} has no batch with lot ${lot}.` });
  }
  const packs = allPacks(targets);
  const regulator = world.recorder.role === 'REGULATOR';
  for (const owner of new Set([...packs.map((p) => p.batch.ownerOrgId), ...batches.map((b) => b.ownerOrgId)])) {
    if (!regulator && owner !== world.recorder.id) refusals.push({ index, code: 'not_product_owner', detail: `Event ${index}: only the manufacturer or the regulator may recall another manufacturer's packs.` });
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const pack of packs) {
        if (pack.status !== 'ACTIVE' && pack.status !== 'EXPIRED') continue;
        pack.status = 'RECALLED';
        markChanged(pack);
      }
      for (const batch of batches) {
        batch.recalled = true;
        world.recalledBatchIds.add(batch.id);
      }
      return applied({ batch: singleBatch([...packs.map((p) => p.batch), ...batches]) });
    },
  };
}

/** The batch an event is about, when it is about exactly one (the public record names it). */
function singleBatch(batches: TBatchState[]): TBatchRef | null {
  const ids = new Set(batches.map((b) => b.id));
  if (ids.size !== 1) return null;
  const batch = batches[0] as TBatchState;
  return { gtin: batch.gtin, lot: batch.lot, expiry: batch.expiry };
}

export function expireRule(ctx: TEventContext): TRuleResult {
  const refusals: TRefusal[] = [];
  const targets = resolveTargets(ctx, refusals);
  for (const item of [...targets.packs, ...targets.containers]) pushFirst(refusals, custodyRefusal(ctx, item));
  for (const pack of allPacks(targets)) pushFirst(refusals, factsRefusal(ctx, pack), lifeRefusal(ctx, pack, { forward: false }));
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      // A recalled pack stays recalled: the stronger reason keeps it off the shelf.
      for (const pack of allPacks(targets)) {
        if (pack.status !== 'ACTIVE') continue;
        pack.status = 'EXPIRED';
        markChanged(pack);
      }
      return applied();
    },
  };
}

export function observeRule(ctx: TEventContext): TRuleResult {
  const refusals: TRefusal[] = [];
  const targets = resolveTargets(ctx, refusals);
  const recorder = ctx.world.recorder.id;
  for (const item of [...targets.packs, ...targets.containers]) {
    if (item.inTransitToId !== recorder) pushFirst(refusals, custodyRefusal(ctx, { ...item, inTransitToId: null }));
  }
  for (const pack of targets.packs) pushFirst(refusals, factsRefusal(ctx, pack));
  return refusals.length > 0 ? refuse(refusals) : { ok: true, apply: () => applied() };
}
