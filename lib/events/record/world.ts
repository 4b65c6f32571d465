import type { TBatchState, TContainerState, TOrgRef, TPackState } from '../types';

/**
 * The part of the database one request's events can touch, loaded and
 * locked once (load-state.ts), then changed in memory event by event by the
 * rules, and written back with a few bulk statements (write-state.ts).
 */
export type TWorld = {
  recorder: TOrgRef;
  packs: Map<string, TPackState>;
  containers: Map<string, TContainerState>;
  /** Direct contents of each loaded container: pack keys and child SSCCs. */
  packsIn: Map<string, Set<string>>;
  containersIn: Map<string, Set<string>>;
  /** Batches by "gtin lot" (commissioning, recall of a whole batch). */
  batches: Map<string, TBatchState>;
  /** Product owners by GTIN. */
  productOwners: Map<string, string>;
  orgsByGln: Map<string, TOrgRef>;
  /** Whole batches recalled by this request: their packs are updated in SQL afterwards. */
  recalledBatchIds: Set<string>;
  /** Events already in the ledger under the IDs this request uses (retries, and the targets of error declarations). */
  storedEvents: Map<string, TStoredEvent>;
};

export type TStoredEvent = { id: string; orgId: string; partyIds: string[]; recordTime: string };

export function emptyWorld(recorder: TOrgRef): TWorld {
  return {
    recorder,
    packs: new Map(),
    containers: new Map(),
    packsIn: new Map(),
    containersIn: new Map(),
    batches: new Map(),
    productOwners: new Map(),
    orgsByGln: new Map([[recorder.gln, recorder]]),
    recalledBatchIds: new Set(),
    storedEvents: new Map(),
  };
}

export const batchId = (gtin: string, lot: string) => `${gtin} ${lot}`;

export const isPackKey = (key: string) => key.startsWith('01/') && key.charAt(17) === '/' && key.startsWith('21/', 18);
export const isContainerKey = (key: string) => key.startsWith('00/');
export const isBatchKey = (key: string) => key.startsWith('01/') && key.charAt(17) === '/' && key.startsWith('10/', 18);

/** GTIN and serial (decoded) of a canonical pack key "01/<gtin>/21/<serial>". */
export function packIdOf(key: string): { gtin: string; serial: string } {
  return { gtin: key.slice(3, 17), serial: decodeURIComponent(key.slice(21)) };
}

/** GTIN and lot of a canonical batch key "01/<gtin>/10/<lot>". */
export function batchIdOf(key: string): { gtin: string; lot: string } {
  return { gtin: key.slice(3, 17), lot: decodeURIComponent(key.slice(21)) };
}

export const ssccOf = (key: string) => key.slice(3);
export const containerKeyOf = (sscc: string) => `00/${sscc}`;

/** Moves a pack or container into (or, with null, out of) a container, keeping the content indexes in step. */
export function setContainerOfPack(world: TWorld, pack: TPackState, sscc: string | null): void {
  if (pack.containerSscc !== null) world.packsIn.get(pack.containerSscc)?.delete(pack.key);
  pack.containerSscc = sscc;
  if (sscc !== null) setOf(world.packsIn, sscc).add(pack.key);
}

export function setParentOfContainer(world: TWorld, container: TContainerState, sscc: string | null): void {
  if (container.parentSscc !== null) world.containersIn.get(container.parentSscc)?.delete(container.sscc);
  container.parentSscc = sscc;
  if (sscc !== null) setOf(world.containersIn, sscc).add(container.sscc);
}

export function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Every container and pack inside `sscc`, at any depth (cycles are impossible: packing refuses them). */
export function contentsOf(world: TWorld, sscc: string): { containers: TContainerState[]; packs: TPackState[] } {
  const containers: TContainerState[] = [];
  const packs: TPackState[] = [];
  const queue = [sscc];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const key of world.packsIn.get(next) ?? []) packs.push(world.packs.get(key) as TPackState);
    for (const child of world.containersIn.get(next) ?? []) {
      containers.push(world.containers.get(child) as TContainerState);
      queue.push(child);
    }
  }
  return { containers, packs };
}

export function markChanged(state: { change: 'loaded' | 'changed' | 'new' }): void {
  if (state.change === 'loaded') state.change = 'changed';
}
