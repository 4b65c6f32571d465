import type { TContainerState, TPackState } from '../../types';
import { applied, refuse, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { isContainerKey, markChanged, setContainerOfPack } from '../world';
import { custodyRefusal, factsRefusal, identifierLabel, lifeRefusal } from './checks';
import { activeRefusal, pushFirst } from './movement';
import { allContainers, allPacks, resolveTargets } from './targets';

/*
 * Dispensing, destroying and reporting a theft take packs out of the supply
 * chain for good. A pack leaves the case it was in (a pharmacist takes it
 * out of the case to hand it over), so the case moves on without it.
 */

/** EU FMD: the pharmacy that dispensed a pack may undo it for 10 days (docs/decisions/051). */
export const UNDO_WINDOW_MS = 10 * 24 * 60 * 60 * 1000;

export function dispenseRule(ctx: TEventContext): TRuleResult {
  const refusals: TRefusal[] = [];
  for (const { key } of ctx.event.input.epcs) {
    if (isContainerKey(key)) refusals.push({ index: ctx.index, code: 'not_a_pack', key, detail: `Event ${ctx.index}: dispense the packs, not case ${key.slice(3)}.` });
  }
  const targets = resolveTargets(ctx, refusals);
  for (const pack of targets.packs) {
    pushFirst(refusals, factsRefusal(ctx, pack), lifeRefusal(ctx, pack, { forward: true, alertAll: true }), custodyRefusal(ctx, pack));
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const pack of targets.packs) {
        endLife(ctx, pack, 'DISPENSED');
        pack.dispensedAt = ctx.event.input.eventTime;
        pack.dispensedById = ctx.world.recorder.id;
      }
      return applied();
    },
  };
}

/** Destroying or reporting stolen: the holder's act, for named packs and everything inside named cases. */
export function endOfLifeRule(ctx: TEventContext): TRuleResult {
  const stolen = ctx.event.kind === 'stolen';
  const refusals: TRefusal[] = [];
  const targets = resolveTargets(ctx, refusals);
  // A theft may happen on the way: the shipper, still responsible, reports it.
  const holder = (item: TPackState | TContainerState) => (stolen ? { ...item, inTransitToId: null } : item);
  for (const pack of targets.packs) pushFirst(refusals, lifeRefusal(ctx, pack, { forward: false }), custodyRefusal(ctx, holder(pack)));
  for (const container of targets.containers) pushFirst(refusals, activeRefusal(ctx, container), custodyRefusal(ctx, holder(container)));
  for (const pack of targets.inner.packs) pushFirst(refusals, lifeRefusal(ctx, pack, { forward: false }));
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      const named = new Set(targets.packs);
      for (const pack of allPacks(targets)) endLife(ctx, pack, stolen ? 'STOLEN' : 'DESTROYED', named.has(pack));
      for (const container of allContainers(targets)) {
        container.custodianOrgId = null;
        container.inTransitToId = null;
        if (!stolen) container.status = 'DESTROYED';
        markChanged(container);
      }
      return applied();
    },
  };
}

function endLife(ctx: TEventContext, pack: TPackState, status: TPackState['status'], leavesCase = true): void {
  pack.status = status;
  pack.custodianOrgId = null;
  pack.inTransitToId = null;
  if (leavesCase) setContainerOfPack(ctx.world, pack, null);
  markChanged(pack);
}

/**
 * Restocking (bizStep stocking, disposition sellable_accessible): a pack
 * the recorder holds goes (back) on the shelf; a pack it dispensed less
 * than 10 days before is active again in its custody (the EU FMD undo).
 */
export function restockRule(ctx: TEventContext): TRuleResult {
  const refusals: TRefusal[] = [];
  for (const { key } of ctx.event.input.epcs) {
    if (isContainerKey(key)) refusals.push({ index: ctx.index, code: 'not_a_pack', key, detail: `Event ${ctx.index}: restock the packs, not case ${key.slice(3)}.` });
  }
  const targets = resolveTargets(ctx, refusals);
  const undone: TPackState[] = [];
  for (const pack of targets.packs) {
    if (pack.status !== 'DISPENSED') {
      pushFirst(refusals, factsRefusal(ctx, pack), lifeRefusal(ctx, pack, { forward: false }), custodyRefusal(ctx, pack));
    } else if (undoAllowed(ctx, pack)) {
      undone.push(pack);
    } else {
      refusals.push({ index: ctx.index, code: 'undo_not_allowed', key: pack.key, detail: `Event ${ctx.index}: ${identifierLabel(pack.key)} was dispensed ${pack.dispensedById === ctx.world.recorder.id ? 'more than 10 days ago' : 'by another organisation'}.` });
    }
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const pack of undone) {
        pack.status = 'ACTIVE';
        pack.custodianOrgId = ctx.world.recorder.id;
        pack.dispensedAt = null;
        pack.dispensedById = null;
        markChanged(pack);
      }
      return applied();
    },
  };
}

function undoAllowed(ctx: TEventContext, pack: TPackState): boolean {
  if (pack.dispensedById !== ctx.world.recorder.id || pack.dispensedAt === null) return false;
  const elapsed = Date.parse(ctx.event.input.eventTime) - Date.parse(pack.dispensedAt);
  return elapsed >= 0 && elapsed <= UNDO_WINDOW_MS;
}
