import type { TBatchState, TContainerState, TPackState } from '../../types';
import { applied, refuse, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { batchId, isContainerKey, isPackKey, packIdOf, ssccOf } from '../world';

/**
 * Commissioning (ObjectEvent ADD): brings serialized packs, and SSCCs, into
 * existence. Only the product's manufacturer commissions its packs, into an
 * existing, unrecalled batch named by the ILMD lot (or the scanned code's);
 * the ILMD or scanned expiry must be the batch's; a pack exists once; one
 * event commissions packs of one batch, which its public record names.
 */
export function commissionRule(ctx: TEventContext): TRuleResult {
  const keys = ctx.event.input.epcs.filter((e) => e.role === 'epc').map((e) => e.key);
  const refusals: TRefusal[] = [];
  const packs: { key: string; gtin: string; serial: string; batch: TBatchState }[] = [];
  let batch: TBatchState | undefined;
  for (const key of keys) {
    if (isContainerKey(key)) {
      const problem = ssccRefusal(ctx, key);
      if (problem) refusals.push(problem);
      continue;
    }
    if (!isPackKey(key)) continue;
    const id = packIdOf(key);
    const found = packBatch(ctx, key, id);
    if ('code' in found) {
      refusals.push(found);
      continue;
    }
    if (batch && found !== batch) {
      refusals.push({ index: ctx.index, code: 'mixed_batches', key, detail: `Event ${ctx.index}: commission the packs of lot ${batch.lot} and lot ${found.lot} in separate events.` });
      continue;
    }
    batch = found;
    packs.push({ key, gtin: id.gtin, serial: id.serial, batch: found });
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const pack of packs) ctx.world.packs.set(pack.key, newPack(ctx, pack));
      for (const key of keys) if (isContainerKey(key)) ctx.world.containers.set(ssccOf(key), newContainer(ctx, key));
      return applied({ batch: batch ? { gtin: batch.gtin, lot: batch.lot, expiry: batch.expiry } : null });
    },
  };
}

/** The batch a pack key is commissioned into, or why it cannot be. */
function packBatch(ctx: TEventContext, key: string, { gtin, serial }: { gtin: string; serial: string }): TBatchState | TRefusal {
  const { world, index } = ctx;
  const refusal = (code: TRefusal['code'], detail: string): TRefusal => ({ index, code, key, detail: `Event ${index}: ${detail}` });
  if (world.packs.has(key)) return refusal('already_commissioned', `pack ${gtin} / ${serial} is already commissioned.`);
  const owner = world.productOwners.get(gtin);
  if (owner === undefined) return refusal('unknown_product', `no product has the GTIN ${gtin}; register it first.`);
  if (owner !== world.recorder.id) return refusal('not_product_owner', `GTIN ${gtin} belongs to another manufacturer.`);
  const facts = ctx.facts.get(key);
  const ilmd = ctx.event.input.ilmd;
  const lot = ilmd?.lot ?? facts?.lot;
  if (lot === undefined) return refusal('lot_missing', `pack ${gtin} / ${serial} has no lot number (ILMD cbvmda:lotNumber).`);
  const batch = world.batches.get(batchId(gtin, lot));
  if (!batch) return refusal('unknown_batch', `product ${gtin} has no batch with lot ${lot}; register the batch first.`);
  const expiry = ilmd?.expiry ?? facts?.expiry;
  if (expiry !== undefined && expiry !== batch.expiry) return refusal('batch_mismatch', `lot ${lot} expires on ${batch.expiry}, not ${expiry}.`);
  if (facts?.lot !== undefined && facts.lot !== lot) return refusal('batch_mismatch', `the code of ${serial} carries lot ${facts.lot}, the event lot ${lot}.`);
  if (batch.recalled) return refusal('batch_recalled', `lot ${lot} is recalled; no more packs may be commissioned into it.`);
  return batch;
}

function ssccRefusal(ctx: TEventContext, key: string): TRefusal | null {
  const { world, index } = ctx;
  if (world.containers.has(ssccOf(key))) return { index, code: 'already_commissioned', key, detail: `Event ${index}: SSCC ${ssccOf(key)} is already in use.` };
  if (world.recorder.role !== 'MANUFACTURER' && world.recorder.role !== 'DISTRIBUTOR') {
    return { index, code: 'sscc_not_allowed', key, detail: `Event ${index}: only manufacturers and distributors create cases and pallets.` };
  }
  return null;
}

function newPack(ctx: TEventContext, { key, gtin, serial, batch }: { key: string; gtin: string; serial: string; batch: TBatchState }): TPackState {
  return {
    key,
    gtin,
    serial,
    batch,
    status: 'ACTIVE',
    custodianOrgId: ctx.world.recorder.id,
    inTransitToId: null,
    containerSscc: null,
    dispensedAt: null,
    dispensedById: null,
    commissionedAt: ctx.event.input.eventTime,
    change: 'new',
  };
}

export function newContainer(ctx: TEventContext, key: string): TContainerState {
  return {
    key,
    sscc: ssccOf(key),
    ownerOrgId: ctx.world.recorder.id,
    custodianOrgId: ctx.world.recorder.id,
    inTransitToId: null,
    parentSscc: null,
    status: 'ACTIVE',
    change: 'new',
  };
}
