import { beforeAll, describe, expect, it } from 'vitest';
import { allocateSscc } from '@/lib/events';
import { caseCode, packState, scan } from '@/lib/events/testing/fixtures';
import { alertsFor, createTestNetwork, snapshot, type TTestNetwork } from '@/lib/events/testing/network';

/*
 * Stolen and destroyed reports (the console's report page records them
 * through the same scan path): by the holder only; destruction by
 * manufacturers and pharmacies, not distributors; a theft tells the
 * manufacturer; neither can be undone by scanning again.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;

beforeAll(async () => {
  n = await createTestNetwork(20);
});

async function atDistributor(i: number) {
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
}

describe('reporting packs stolen', () => {
  it('is for the holder (or the shipper while in transit), ends the pack, and tells the manufacturer', async () => {
    const [held, shipped] = [fresh(), fresh()];
    await atDistributor(held);
    await expect(scan(n.pharmacy, { kind: 'stolen', codes: [n.code(held)] })).rejects.toMatchObject({ code: 'not_custodian' });
    const { events } = await scan(n.dist, { kind: 'stolen', codes: [n.code(held)] });
    expect(await packState(n.batch.gtin, n.serials[held]!)).toMatchObject({ status: 'STOLEN', custodian_org_id: null });
    expect(await alertsFor(events[0]!.eventId)).toEqual([expect.objectContaining({ code: 'theft_reported', visible_to: expect.arrayContaining([n.dist.id, n.maker.id]) })]);
    await scan(n.maker, { kind: 'ship', codes: [n.code(shipped)], to: n.pharmacy.gln });
    await scan(n.maker, { kind: 'stolen', codes: [n.code(shipped)] });
    await expect(scan(n.pharmacy, { kind: 'receive', codes: [n.code(shipped)] })).rejects.toMatchObject({ code: 'pack_stolen' });
  });

  it('reports a whole case with the packs inside it', async () => {
    const [a, b] = [fresh(), fresh()];
    const { sscc } = await allocateSscc(n.maker.actor);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(a), n.code(b)] });
    const { events } = await scan(n.maker, { kind: 'stolen', codes: [caseCode(sscc)] });
    for (const i of [a, b]) expect((await packState(n.batch.gtin, n.serials[i]!))?.status).toBe('STOLEN');
    expect((await alertsFor(events[0]!.eventId))[0]!.count).toBe(1);
  });
});

describe('reporting packs destroyed', () => {
  it('is for manufacturers and pharmacies holding them; a distributor returns them instead', async () => {
    const [atMaker, atDist] = [fresh(), fresh()];
    await atDistributor(atDist);
    const before = await snapshot();
    await expect(scan(n.dist, { kind: 'destroy', codes: [n.code(atDist)] })).rejects.toMatchObject({ code: 'destruction_not_allowed', status: 403 });
    expect(await snapshot()).toEqual(before);
    await scan(n.dist, { kind: 'return', codes: [n.code(atDist)], to: n.maker.gln });
    await scan(n.maker, { kind: 'receive', codes: [n.code(atDist)] });
    await scan(n.maker, { kind: 'destroy', codes: [n.code(atDist), n.code(atMaker)] });
    for (const i of [atMaker, atDist]) expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'DESTROYED', custodian_org_id: null });
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(atMaker)], to: n.dist.gln })).rejects.toMatchObject({ code: 'pack_destroyed' });
  });

  it('lets a pharmacy destroy expired or returned stock it holds, not another pharmacy’s', async () => {
    const i = fresh();
    await atDistributor(i);
    await scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: n.pharmacy.gln });
    await scan(n.pharmacy, { kind: 'receive', codes: [n.code(i)] });
    await expect(scan(n.pharmacy2, { kind: 'destroy', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'not_custodian' });
    await scan(n.pharmacy, { kind: 'destroy', codes: [n.code(i)] });
    expect((await packState(n.batch.gtin, n.serials[i]!))?.status).toBe('DESTROYED');
  });
});
