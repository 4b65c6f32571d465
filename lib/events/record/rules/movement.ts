import type { TContainerState, TOrgRef, TPackState } from '../../types';
import { applied, packAlertAudience, refuse, type TAlertDraft, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { markChanged } from '../world';
import { custodyRefusal, factsRefusal, identifierLabel, insideRefusal, lifeRefusal, twoCustodiansAlert } from './checks';
import { allContainers, allPacks, resolveTargets, type TTargets } from './targets';

/*
 * Shipping and returning hand packs and cases, with everything inside them,
 * to a named destination: only their custodian ships, and they stay its
 * responsibility until the destination receives them. Only the named
 * destination receives. A receipt of goods that were never shipped to the
 * receiver is recorded (the goods are evidently there) but changes no
 * custody: it raises an alert for the holder, the manufacturer and the
 * regulator, who sort it out (docs/decisions/051).
 */

/** The organisation an event names as destination (owning or possessing party, or location), resolved by GLN. */
export function partnerOf(ctx: TEventContext, list: 'destinations' | 'sources'): TOrgRef | TRefusal | null {
  const glns = new Set(ctx.event.input[list].map((d) => glnOf(d.id)).filter((g): g is string => g !== null));
  if (glns.size === 0) return null;
  if (glns.size > 1) return { index: ctx.index, code: 'ambiguous_destination', detail: `Event ${ctx.index}: it names ${glns.size} different ${list === 'sources' ? 'sources' : 'destinations'}.` };
  const gln = [...glns][0] as string;
  return ctx.world.orgsByGln.get(gln) ?? { index: ctx.index, code: 'unknown_destination', detail: `Event ${ctx.index}: no organisation of the network has the GLN ${gln}.` };
}

/** GLN of a party or location key: 417/<gln> (PGLN) or 414/<gln>[/254/<ext>] (SGLN). */
export function glnOf(key: string): string | null {
  const match = /^41[47]\/(\d{13})(?:\/254\/.*)?$/.exec(key);
  return match ? (match[1] as string) : null;
}

export function shipRule(ctx: TEventContext): TRuleResult {
  const forward = ctx.event.kind === 'ship';
  const refusals: TRefusal[] = [];
  const destination = partnerOf(ctx, 'destinations');
  if (destination === null) refusals.push({ index: ctx.index, code: 'destination_required', detail: `Event ${ctx.index}: name the destination organisation by its GLN.` });
  else if ('code' in destination) refusals.push(destination);
  else if (destination.id === ctx.world.recorder.id) refusals.push({ index: ctx.index, code: 'destination_is_self', detail: `Event ${ctx.index}: the destination is your own organisation.` });
  const targets = resolveTargets(ctx, refusals);
  // The strongest reason first: a label that does not match, then a pack that left the supply chain.
  for (const pack of targets.packs) pushFirst(refusals, factsRefusal(ctx, pack), lifeRefusal(ctx, pack, { forward }), insideRefusal(ctx, pack.key, pack.containerSscc), custodyRefusal(ctx, pack));
  for (const container of targets.containers) pushFirst(refusals, insideRefusal(ctx, container.key, container.parentSscc), activeRefusal(ctx, container), custodyRefusal(ctx, container));
  for (const pack of targets.inner.packs) pushFirst(refusals, lifeRefusal(ctx, pack, { forward }));
  if (refusals.length > 0 || destination === null || 'code' in destination) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const item of [...allPacks(targets), ...allContainers(targets)]) {
        item.inTransitToId = destination.id;
        markChanged(item);
      }
      return applied({ parties: [destination.id] });
    },
  };
}

export function receiveRule(ctx: TEventContext): TRuleResult {
  const refusals: TRefusal[] = [];
  const source = partnerOf(ctx, 'sources');
  if (source !== null && 'code' in source) refusals.push(source);
  const targets = resolveTargets(ctx, refusals);
  for (const pack of targets.packs) pushFirst(refusals, factsRefusal(ctx, pack), lifeRefusal(ctx, pack, { forward: false }), insideRefusal(ctx, pack.key, pack.containerSscc), destinationRefusal(ctx, pack));
  for (const container of targets.containers) pushFirst(refusals, insideRefusal(ctx, container.key, container.parentSscc), activeRefusal(ctx, container), destinationRefusal(ctx, container));
  for (const pack of targets.inner.packs) pushFirst(refusals, lifeRefusal(ctx, pack, { forward: false }));
  if (refusals.length > 0) return refuse(refusals);
  return { ok: true, apply: () => applyReceipt(ctx, targets, source !== null && !('code' in source) ? source.id : null) };
}

function applyReceipt(ctx: TEventContext, targets: TTargets, sourceId: string | null): ReturnType<typeof applied> {
  const recorder = ctx.world.recorder.id;
  const parties = new Set<string>(sourceId ? [sourceId] : []);
  const alerts: TAlertDraft[] = [];
  const named: (TPackState | TContainerState)[] = [...targets.packs, ...targets.containers];
  for (const item of named) {
    if (item.inTransitToId === recorder) {
      if (item.custodianOrgId) parties.add(item.custodianOrgId);
      const inner = 'batch' in item ? [] : insideOf(targets, item);
      for (const moved of [item, ...inner]) {
        moved.custodianOrgId = recorder;
        moved.inTransitToId = null;
        markChanged(moved);
      }
    } else if (item.custodianOrgId !== recorder) {
      alerts.push(unshippedAlert(ctx, item));
    }
  }
  return applied({ parties: [...parties], alerts });
}

/** What is inside one named container, from the targets already resolved. */
function insideOf(targets: TTargets, container: TContainerState): (TPackState | TContainerState)[] {
  const ssccs = new Set([container.sscc]);
  const inner: (TPackState | TContainerState)[] = [];
  for (const child of targets.inner.containers) {
    if (child.parentSscc !== null && ssccs.has(child.parentSscc)) {
      ssccs.add(child.sscc);
      inner.push(child);
    }
  }
  for (const pack of targets.inner.packs) if (pack.containerSscc !== null && ssccs.has(pack.containerSscc)) inner.push(pack);
  return inner;
}

function unshippedAlert(ctx: TEventContext, item: TPackState | TContainerState): TAlertDraft {
  const pack = 'batch' in item ? item : undefined;
  const audience = new Set(packAlertAudience(ctx, pack));
  if (item.custodianOrgId) audience.add(item.custodianOrgId);
  const message = `${identifierLabel(item.key)} was received, but no shipment of it to the receiver was recorded.`;
  return { code: 'receipt_without_shipment', severity: 'MEDIUM', subject: item.key, gtin: pack?.gtin, serial: pack?.serial, batchId: pack?.batch.id, message, visibleTo: [...audience] };
}

/** Goods in transit may be received only by their destination; goods not in transit are an anomaly, not a refusal. */
function destinationRefusal(ctx: TEventContext, item: TPackState | TContainerState): TRefusal | null {
  if (item.inTransitToId === null || item.inTransitToId === ctx.world.recorder.id) return null;
  // Receiving what was shipped to someone else: the same serial at two places, unless a mis-delivery explains it.
  return { index: ctx.index, code: 'not_destination', key: item.key, detail: `Event ${ctx.index}: ${identifierLabel(item.key)} was shipped to another organisation.`, alert: twoCustodiansAlert(ctx, item) };
}

export function activeRefusal(ctx: TEventContext, container: TContainerState): TRefusal | null {
  if (container.status === 'ACTIVE') return null;
  return { index: ctx.index, code: 'container_not_active', key: container.key, detail: `Event ${ctx.index}: case ${container.sscc} was ${container.status.toLowerCase()}.` };
}

/** Adds the first non-null refusal: one reason per identifier is enough. */
export function pushFirst(refusals: TRefusal[], ...candidates: (TRefusal | null)[]): void {
  const first = candidates.find((c) => c !== null);
  if (first) refusals.push(first);
}
