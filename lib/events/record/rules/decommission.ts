import type { TContainerState, TPackState } from '../../types';
import { applied, refuse, type TAlertDraft, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { isContainerKey, markChanged, setContainerOfPack } from '../world';
import { custodyRefusal, factsRefusal, identifierLabel, isExpired, isRecalled, lifeRefusal } from './checks';
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
  // Destruction (returned, expired, damaged stock) is the manufacturer's or the pharmacy's act; a distributor returns such stock (docs/decisions/070).
  if (refusals.length === 0 && !stolen && ctx.world.recorder.role === 'DISTRIBUTOR') {
    refusals.push({ index: ctx.index, code: 'destruction_not_allowed', detail: `Event ${ctx.index}: distributors do not destroy packs; return them to the manufacturer, who destroys them.` });
  }
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
      return applied({ alerts: stolen ? [theftAlert(ctx, allPacks(targets))] : [] });
    },
  };
}

/**
 * A theft is reported to the manufacturers of the stolen packs (and the
 * regulator), who watch for them: a stolen pack scanned again is refused
 * with its own alert (pack_stolen). One alert per report, about the event.
 */
function theftAlert(ctx: TEventContext, packs: TPackState[]): TAlertDraft {
  const owners = new Set(packs.map((p) => p.batch.ownerOrgId));
  const first = packs[0];
  const what = packs.length === 1 && first ? `Pack ${first.gtin} / ${first.serial} (lot ${first.batch.lot}) was` : packs.length === 0 ? 'An empty case was' : `${packs.length} packs were`;
  return {
    code: 'theft_reported',
    severity: 'HIGH',
    subject: ctx.event.input.hashId,
    gtin: packs.length === 1 ? first?.gtin : undefined,
    serial: packs.length === 1 ? first?.serial : undefined,
    batchId: new Set(packs.map((p) => p.batch.id)).size === 1 ? first?.batch.id : undefined,
    message: `${what} reported stolen by a ${ctx.world.recorder.role.toLowerCase()} in ${ctx.world.recorder.country}.`,
    visibleTo: [ctx.world.recorder.id, ...owners],
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
 * than 10 days before is active again in its custody (the EU FMD undo),
 * unless it was recalled or expired meanwhile: such a pack must not go
 * back on a shelf it would be dispensed from (docs/decisions/062).
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
    } else if (!undoAllowed(ctx, pack)) {
      refusals.push({ index: ctx.index, code: 'undo_not_allowed', key: pack.key, detail: `Event ${ctx.index}: ${identifierLabel(pack.key)} was dispensed ${pack.dispensedById === ctx.world.recorder.id ? 'more than 10 days ago' : 'by another organisation'}.` });
    } else {
      const refusal = factsRefusal(ctx, pack) ?? undoLifeRefusal(ctx, pack);
      if (refusal) refusals.push(refusal);
      else undone.push(pack);
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

/**
 * The same organisation, within 10 days. The window is measured up to the
 * later of the event's time and the server's clock: an event time is the
 * sender's word, and a backdated undo must not reopen a closed window.
 */
function undoAllowed(ctx: TEventContext, pack: TPackState): boolean {
  if (pack.dispensedById !== ctx.world.recorder.id || pack.dispensedAt === null) return false;
  const at = Math.max(Date.parse(ctx.event.input.eventTime), Date.now());
  const elapsed = at - Date.parse(pack.dispensedAt);
  return elapsed >= 0 && elapsed <= UNDO_WINDOW_MS;
}

/** A dispensed pack recalled (its batch, or the pack itself) or expired since is not put back on the shelf. */
function undoLifeRefusal(ctx: TEventContext, pack: TPackState): TRefusal | null {
  const words = `${identifierLabel(pack.key)} (lot ${pack.batch.lot})`;
  if (isRecalled(pack) || (pack.recallId ?? null) !== null) {
    return { index: ctx.index, code: 'pack_recalled', key: pack.key, detail: `Event ${ctx.index}: ${words} was recalled after it was dispensed; it cannot go back into stock.` };
  }
  const today = new Date().toISOString().slice(0, 10);
  if (isExpired(ctx, pack) || pack.batch.expiry < today) {
    return { index: ctx.index, code: 'pack_expired', key: pack.key, detail: `Event ${ctx.index}: ${words} expired on ${pack.batch.expiry}; it cannot go back into stock.` };
  }
  return null;
}
