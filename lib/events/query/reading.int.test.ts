import { beforeAll, describe, expect, it } from 'vitest';
import { getBatch } from '@/lib/catalog/get-batch';
import { withCheckDigit } from '@/lib/gs1';
import { listBatches } from '@/lib/catalog/list-batches';
import { allocateSscc } from '../allocate-sscc';
import { caseCode, scan } from '../testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '../testing/network';
import { getBatchHistory } from './get-batch-history';
import { getContainer, getContainerHistory } from './get-container';
import { getPack, getPackHistory } from './get-pack';
import { getStock } from './get-stock';

/*
 * Reads are scoped (docs/decisions/050, 054): the regulator reads everything,
 * a manufacturer its products' packs, a trader what it took part in; private
 * records only for the parties of an event; anything else is 404, exactly
 * as for something that does not exist.
 */
let n: TTestNetwork;
let boxed: number[];
let box: string;
let pallet: string;

beforeAll(async () => {
  n = await createTestNetwork(12);
  boxed = [0, 1];
  box = (await allocateSscc(n.maker.actor)).sscc;
  pallet = (await allocateSscc(n.maker.actor)).sscc;
  // 0 and 1 travel in a case on a pallet to the distributor; 1 is unpacked there and goes on to the pharmacy alone.
  await scan(n.maker, { kind: 'pack', parent: caseCode(box), codes: boxed.map((i) => n.code(i)) }, { kind: 'pack', parent: caseCode(pallet), codes: [caseCode(box)] });
  await scan(n.maker, { kind: 'ship', codes: [caseCode(pallet)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [caseCode(pallet)] }, { kind: 'unpack', parent: caseCode(pallet) }, { kind: 'unpack', parent: caseCode(box), codes: [n.code(1)] });
  await scan(n.dist, { kind: 'ship', codes: [n.code(1)], to: n.pharmacy.gln });
  await scan(n.pharmacy, { kind: 'receive', codes: [n.code(1)] }, { kind: 'dispense', codes: [n.code(1)] });
  // Later events of the case no longer concern pack 1.
  await scan(n.dist, { kind: 'ship', codes: [caseCode(box)], to: n.dist2.gln });
});

describe('the history of a pack', () => {
  it("includes its own events and its case's and pallet's events while it was inside, and no later ones", async () => {
    const history = await getPackHistory(n.regulator.actor, n.batch.gtin, n.serials[1]!);
    const steps = history.map((e) => `${e.kind}${e.via ? ` via ${e.via.slice(3)}` : ''}`);
    expect(steps).toEqual([
      'commission',
      'pack',
      `pack via ${box}`,
      `ship via ${pallet}`,
      `receive via ${pallet}`,
      `unpack via ${pallet}`,
      'unpack',
      'ship',
      'receive',
      'dispense',
    ]);
  });

  it('shows public records to anyone who may see the pack, private records only to the parties', async () => {
    const seen = await getPackHistory(n.pharmacy.actor, n.batch.gtin, n.serials[1]!);
    const privateFor = seen.filter((e) => e.privateRecord !== null).map((e) => e.kind);
    expect(privateFor).toEqual(['ship', 'receive', 'dispense']);
    expect(seen.every((e) => e.publicRecord.eventId === e.eventId && typeof e.publicRecordText === 'string')).toBe(true);
    const regulator = await getPackHistory(n.regulator.actor, n.batch.gtin, n.serials[1]!);
    expect(regulator.every((e) => e.privateRecord !== null)).toBe(true);
  });

  it("is 404 for an organisation that never touched the pack, as for a pack that does not exist", async () => {
    await expect(getPack(n.pharmacy2.actor, n.batch.gtin, n.serials[1]!)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(getPackHistory(n.maker2.actor, n.batch.gtin, n.serials[1]!)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPack(n.regulator.actor, n.batch.gtin, 'NOSUCHSERIAL')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is visible to an organisation that handled it only inside a case', async () => {
    const detail = await getPack(n.dist2.actor, n.batch.gtin, n.serials[0]!);
    expect(detail).toMatchObject({ status: 'ACTIVE', container: box, inTransit: true, custodian: null, heldByYou: false });
    const manufacturer = await getPack(n.maker.actor, n.batch.gtin, n.serials[0]!);
    // The manufacturer does not learn who holds its pack downstream.
    expect(manufacturer).toMatchObject({ custodian: null, inTransitTo: null, inTransit: true });
    expect(await getPack(n.regulator.actor, n.batch.gtin, n.serials[0]!)).toMatchObject({ custodian: { id: n.dist.id }, inTransitTo: { id: n.dist2.id } });
  });

});

describe('cases, batches and stock', () => {
  it('shows a case to its creator, its handlers and the regulator, with its history through the pallet', async () => {
    await expect(getContainer(n.pharmacy.actor, box)).rejects.toMatchObject({ code: 'not_found' });
    const detail = await getContainer(n.dist.actor, box);
    expect(detail).toMatchObject({ sscc: box, inTransit: true, inTransitTo: { id: n.dist2.id }, contents: { packCount: 1, packs: [`01/${n.batch.gtin}/21/${n.serials[0]}`] } });
    const history = await getContainerHistory(n.maker.actor, box);
    expect(history.map((e) => e.kind)).toEqual(['pack', 'pack', 'ship', 'receive', 'unpack', 'unpack', 'ship']);
  });

  it("lists a batch's events newest first in pages; a trader sees only those it took part in", async () => {
    const first = await getBatchHistory(n.maker.actor, n.batch.batchId, { limit: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.nextBefore).not.toBeNull();
    const rest = await getBatchHistory(n.maker.actor, n.batch.batchId, { before: first.nextBefore!, limit: 500 });
    const all = [...first.items, ...rest.items].map((e) => BigInt(e.id));
    expect(all).toEqual([...all].sort((a, b) => (a > b ? -1 : 1)));
    expect(all.length).toBe(new Set(all).size);
    const pharmacy = await getBatchHistory(n.pharmacy.actor, n.batch.batchId);
    expect(pharmacy.items.map((e) => e.kind)).toEqual(['dispense', 'receive', 'ship']);
    await expect(getBatchHistory(n.pharmacy2.actor, n.batch.batchId)).rejects.toMatchObject({ code: 'batch_not_found' });
  });

  it('shows a batch to those who hold or dispensed its packs (their own counts), and lists it for its holders', async () => {
    expect(await getBatch(n.pharmacy.actor, n.batch.batchId)).toMatchObject({ scope: 'yours', packs: { DISPENSED: 1, total: 1 } });
    expect(await getBatch(n.maker.actor, n.batch.batchId)).toMatchObject({ scope: 'batch', packs: { total: 12, DISPENSED: 1 } });
    await expect(getBatch(n.pharmacy2.actor, n.batch.batchId)).rejects.toMatchObject({ code: 'batch_not_found' });
    expect((await listBatches(n.dist.actor)).map((b) => b.id)).toContain(n.batch.batchId);
    expect((await listBatches(n.pharmacy2.actor)).map((b) => b.id)).not.toContain(n.batch.batchId);
  });

  it("counts a custodian's stock by batch; only the regulator reads another organisation's", async () => {
    const stock = await getStock(n.maker.actor);
    expect(stock).toEqual([expect.objectContaining({ batchId: n.batch.batchId, available: 10, inTransit: 0, expired: false })]);
    expect(await getStock(n.dist.actor)).toEqual([expect.objectContaining({ batchId: n.batch.batchId, available: 0, inTransit: 1 })]);
    expect(await getStock(n.regulator.actor, { orgId: n.maker.id })).toEqual(stock);
    await expect(getStock(n.dist.actor, { orgId: n.maker.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

// Runs last: it adds events to the batch and stock the tests above count.
describe('what a manufacturer learns downstream', () => {
  it("does not show the manufacturer the case a wholesaler packed its pack into, whose number names the wholesaler's customer chain", async () => {
    // Pack 2 goes to the wholesaler alone, is packed there into a case from the wholesaler's own labels, and the case goes on to a pharmacy.
    const theirs = withCheckDigit('04091234000000077');
    await scan(n.maker, { kind: 'ship', codes: [n.code(2)], to: n.dist.gln });
    await scan(n.dist, { kind: 'receive', codes: [n.code(2)] }, { kind: 'pack', parent: caseCode(theirs), codes: [n.code(2)] });
    await scan(n.dist, { kind: 'ship', codes: [caseCode(theirs)], to: n.pharmacy.gln });
    const manufacturer = await getPack(n.maker.actor, n.batch.gtin, n.serials[2]!);
    expect(manufacturer.container).toBeNull();
    const makerHistory = await getPackHistory(n.maker.actor, n.batch.gtin, n.serials[2]!);
    expect(makerHistory.map((e) => e.via)).toEqual(makerHistory.map(() => null));
    // Its holder, its destination and the regulator do see the case, and the parties of the shipment see how it travelled.
    expect((await getPack(n.dist.actor, n.batch.gtin, n.serials[2]!)).container).toBe(theirs);
    expect((await getPack(n.pharmacy.actor, n.batch.gtin, n.serials[2]!)).container).toBe(theirs);
    expect((await getPack(n.regulator.actor, n.batch.gtin, n.serials[2]!)).container).toBe(theirs);
    const pharmacyHistory = await getPackHistory(n.pharmacy.actor, n.batch.gtin, n.serials[2]!);
    expect(pharmacyHistory.filter((e) => e.via !== null).map((e) => `${e.kind} via ${e.via}`)).toEqual([`ship via 00/${theirs}`]);
  });
});
