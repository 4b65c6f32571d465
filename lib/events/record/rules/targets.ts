import type { TContainerState, TPackState } from '../../types';
import type { TEventContext, TRefusal } from '../rule-types';
import { contentsOf, isContainerKey, isPackKey } from '../world';
import { findContainer, findPack, isRefusal } from './checks';

/**
 * What an ObjectEvent acts on: the packs and cases it names in epcList,
 * and everything inside those cases, at any depth. Identifiers that are
 * neither (a returnable crate's GRAI, a location) are carried in the event
 * but have no custody here.
 */
export type TTargets = {
  /** Packs named directly. */
  packs: TPackState[];
  /** Cases and pallets named directly. */
  containers: TContainerState[];
  /** Everything inside the named cases. */
  inner: { packs: TPackState[]; containers: TContainerState[] };
};

export function resolveTargets(ctx: TEventContext, refusals: TRefusal[]): TTargets {
  const targets: TTargets = { packs: [], containers: [], inner: { packs: [], containers: [] } };
  for (const { key, role } of ctx.event.input.epcs) {
    if (role !== 'epc') continue;
    if (isPackKey(key)) {
      const pack = findPack(ctx, key);
      if (isRefusal(pack)) refusals.push(pack);
      else targets.packs.push(pack);
    } else if (isContainerKey(key)) {
      const container = findContainer(ctx, key);
      if (isRefusal(container)) refusals.push(container);
      else targets.containers.push(container);
    }
  }
  for (const container of targets.containers) {
    const inside = contentsOf(ctx.world, container.sscc);
    targets.inner.packs.push(...inside.packs);
    targets.inner.containers.push(...inside.containers);
  }
  return targets;
}

/** Every pack the event affects, named or inside a named case. */
export const allPacks = (t: TTargets) => [...t.packs, ...t.inner.packs];
export const allContainers = (t: TTargets) => [...t.containers, ...t.inner.containers];
