import type { TCaptureEvent } from '../types';
import type { TWanted } from './load-state';
import { glnOf } from './rules/movement';
import { batchIdOf, isBatchKey, isContainerKey, isPackKey, packIdOf, ssccOf } from './world';

/** Every row the events of a request may touch, each once: what loadState loads and locks. */
export function wantedBy(events: readonly TCaptureEvent[]): TWanted {
  const packs = new Set<string>();
  const ssccs = new Set<string>();
  const batches = new Map<string, { gtin: string; lot: string }>();
  const gtins = new Set<string>();
  const glns = new Set<string>();
  for (const event of events) {
    const input = event.input;
    const lot = event.kind === 'commission' ? input.ilmd?.lot : undefined;
    if (event.fresh && event.kind === 'commission') {
      // Nothing to look up for new random serials: only their batch and product.
      freshBatch(event, batches, gtins);
      continue;
    }
    for (const { key } of input.epcs) {
      if (isPackKey(key)) {
        packs.add(key);
        const { gtin } = packIdOf(key);
        gtins.add(gtin);
        const packLot = lot ?? (event.kind === 'commission' ? event.facts?.get(key)?.lot : undefined);
        if (packLot !== undefined) batches.set(`${gtin} ${packLot}`, { gtin, lot: packLot });
      } else if (isContainerKey(key)) {
        ssccs.add(ssccOf(key));
      } else if (isBatchKey(key)) {
        const batch = batchIdOf(key);
        batches.set(`${batch.gtin} ${batch.lot}`, batch);
      }
    }
    for (const party of [...input.sources, ...input.destinations]) {
      const gln = glnOf(party.id);
      if (gln !== null) glns.add(gln);
    }
  }
  const packIds = [...packs].map(packIdOf);
  return listsOf(packIds, ssccs, [...batches.values()], gtins, glns);
}

/** A fresh commissioning event names packs of one GTIN (its ILMD lot and the first key say which). */
function freshBatch(event: TCaptureEvent, batches: Map<string, { gtin: string; lot: string }>, gtins: Set<string>): void {
  const first = event.input.epcs[0]?.key;
  const lot = event.input.ilmd?.lot;
  if (first === undefined || !isPackKey(first) || lot === undefined) return;
  const { gtin } = packIdOf(first);
  gtins.add(gtin);
  batches.set(`${gtin} ${lot}`, { gtin, lot });
}

function listsOf(packIds: { gtin: string; serial: string }[], ssccs: Set<string>, batchList: { gtin: string; lot: string }[], gtins: Set<string>, glns: Set<string>): TWanted {
  return {
    packs: { gtins: packIds.map((p) => p.gtin), serials: packIds.map((p) => p.serial) },
    ssccs: [...ssccs],
    batches: { gtins: batchList.map((b) => b.gtin), lots: batchList.map((b) => b.lot) },
    gtins: [...gtins],
    glns: [...glns],
  };
}
