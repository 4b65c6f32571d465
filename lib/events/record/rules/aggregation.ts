import type { TContainerState, TPackState } from '../../types';
import { applied, refuse, type TEventContext, type TRefusal, type TRuleResult } from '../rule-types';
import { isContainerKey, isPackKey, markChanged, setContainerOfPack, setParentOfContainer, ssccOf, type TWorld } from '../world';
import { newContainer } from './commission';
import { custodyRefusal, factsRefusal, findContainer, findPack, isRefusal, lifeRefusal } from './checks';

/*
 * Packing (AggregationEvent ADD) puts packs and cases the recorder holds
 * into a case or pallet (parentID, an SSCC), creating it on first use;
 * unpacking (DELETE) takes the named children out, or everything when
 * none is named. From then on a shipping or receiving scan of the case
 * applies to what is inside, and unpacked items no longer move with it.
 */

type TChild = { kind: 'pack'; pack: TPackState } | { kind: 'container'; container: TContainerState };

const parentKeyOf = (ctx: TEventContext) => ctx.event.input.epcs.find((e) => e.role === 'parent')?.key;
const childKeysOf = (ctx: TEventContext) => ctx.event.input.epcs.filter((e) => e.role === 'child').map((e) => e.key);

export function packRule(ctx: TEventContext): TRuleResult {
  const parentKey = parentKeyOf(ctx);
  if (parentKey === undefined || !isContainerKey(parentKey)) {
    return refuse([{ index: ctx.index, code: 'unknown_container', detail: `Event ${ctx.index}: packing needs the SSCC of the case or pallet as parentID.` }]);
  }
  const existing = ctx.world.containers.get(ssccOf(parentKey));
  const refusals: TRefusal[] = [];
  const parentProblem = existing ? parentRefusal(ctx, existing) : newParentRefusal(ctx, parentKey);
  if (parentProblem) refusals.push(parentProblem);
  const children: TChild[] = [];
  for (const key of childKeysOf(ctx)) {
    const child = packableChild(ctx, key, ssccOf(parentKey));
    if (isRefusal(child)) refusals.push(child);
    else children.push(child);
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      const parent = existing ?? newContainer(ctx, parentKey);
      if (!existing) ctx.world.containers.set(parent.sscc, parent);
      for (const child of children) moveInto(ctx.world, child, parent.sscc);
      return applied();
    },
  };
}

function parentRefusal(ctx: TEventContext, parent: TContainerState): TRefusal | null {
  if (parent.status !== 'ACTIVE') {
    return { index: ctx.index, code: 'container_not_active', key: parent.key, detail: `Event ${ctx.index}: case ${parent.sscc} was ${parent.status.toLowerCase()}; use a new SSCC.` };
  }
  return custodyRefusal(ctx, parent);
}

function newParentRefusal(ctx: TEventContext, key: string): TRefusal | null {
  const role = ctx.world.recorder.role;
  if (role === 'MANUFACTURER' || role === 'DISTRIBUTOR') return null;
  return { index: ctx.index, code: 'sscc_not_allowed', key, detail: `Event ${ctx.index}: only manufacturers and distributors create cases and pallets (SSCC ${ssccOf(key)} is new).` };
}

function packableChild(ctx: TEventContext, key: string, parentSscc: string): TChild | TRefusal {
  if (isPackKey(key)) {
    const pack = findPack(ctx, key);
    if (isRefusal(pack)) return pack;
    const problem = factsRefusal(ctx, pack) ?? lifeRefusal(ctx, pack, { forward: false }) ?? custodyRefusal(ctx, pack) ?? alreadyPacked(ctx, key, pack.containerSscc, parentSscc);
    return problem ?? { kind: 'pack', pack };
  }
  if (!isContainerKey(key)) {
    return { index: ctx.index, code: 'not_a_pack', key, detail: `Event ${ctx.index}: only packs and cases can be packed, not ${key}.` };
  }
  const container = findContainer(ctx, key);
  if (isRefusal(container)) return container;
  if (container.sscc === parentSscc || isAncestor(ctx.world, container.sscc, parentSscc)) {
    return { index: ctx.index, code: 'aggregation_cycle', key, detail: `Event ${ctx.index}: case ${container.sscc} would end up inside itself.` };
  }
  const problem = parentRefusal(ctx, container) ?? alreadyPacked(ctx, key, container.parentSscc, parentSscc);
  return problem ?? { kind: 'container', container };
}

function alreadyPacked(ctx: TEventContext, key: string, current: string | null, parentSscc: string): TRefusal | null {
  if (current === null || current === parentSscc) return null;
  return { index: ctx.index, code: 'already_packed', key, detail: `Event ${ctx.index}: ${key} is already in case ${current}; unpack it first.` };
}

/** True when `ancestor` contains `sscc` at any depth. */
function isAncestor(world: TWorld, ancestor: string, sscc: string): boolean {
  for (let at = world.containers.get(sscc)?.parentSscc ?? null; at !== null; at = world.containers.get(at)?.parentSscc ?? null) {
    if (at === ancestor) return true;
  }
  return false;
}

function moveInto(world: TWorld, child: TChild, sscc: string | null): void {
  if (child.kind === 'pack') {
    setContainerOfPack(world, child.pack, sscc);
    markChanged(child.pack);
  } else {
    setParentOfContainer(world, child.container, sscc);
    markChanged(child.container);
  }
}

export function unpackRule(ctx: TEventContext): TRuleResult {
  const parentKey = parentKeyOf(ctx);
  const parent = parentKey === undefined ? undefined : findContainer(ctx, parentKey);
  if (parent === undefined || isRefusal(parent)) {
    return refuse([parent ?? { index: ctx.index, code: 'unknown_container', detail: `Event ${ctx.index}: unpacking needs the SSCC of the case or pallet as parentID.` }]);
  }
  const problem = parentRefusal(ctx, parent);
  if (problem) return refuse([problem]);
  const named = childKeysOf(ctx);
  const refusals: TRefusal[] = [];
  const children: TChild[] = [];
  for (const key of named) {
    const child = ctx.world.packs.get(key) ?? ctx.world.containers.get(ssccOf(key));
    const inside = child && ('batch' in child ? child.containerSscc : child.parentSscc) === parent.sscc;
    if (!child || !inside) refusals.push({ index: ctx.index, code: 'not_in_container', key, detail: `Event ${ctx.index}: ${key} is not in case ${parent.sscc}.` });
    else children.push('batch' in child ? { kind: 'pack', pack: child } : { kind: 'container', container: child });
  }
  if (refusals.length > 0) return refuse(refusals);
  return {
    ok: true,
    apply: () => {
      for (const child of named.length > 0 ? children : directChildren(ctx.world, parent.sscc)) moveInto(ctx.world, child, null);
      if ((ctx.world.packsIn.get(parent.sscc)?.size ?? 0) + (ctx.world.containersIn.get(parent.sscc)?.size ?? 0) === 0) {
        parent.status = 'UNPACKED';
        markChanged(parent);
      }
      return applied();
    },
  };
}

function directChildren(world: TWorld, sscc: string): TChild[] {
  const packs = [...(world.packsIn.get(sscc) ?? [])].map((key) => ({ kind: 'pack' as const, pack: world.packs.get(key) as TPackState }));
  const containers = [...(world.containersIn.get(sscc) ?? [])].map((child) => ({ kind: 'container' as const, container: world.containers.get(child) as TContainerState }));
  return [...packs, ...containers];
}
