import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { allocateSscc, getStock } from '@/lib/events';
import { caseCode, scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { listLabelPacks, serialsCsv } from '@/lib/labels';
import { consoleFigures } from './console-figures';
import { eventsPerDay } from './events-per-day';
import { fillCase } from './fill-case';
import { getEventDetail } from './get-event-detail';
import { inspectScan } from './inspect-scan';
import { listBatchPacks } from './list-batch-packs';
import { listBatchPage } from './list-batch-page';
import { listCases } from './list-cases';
import { listCommissionRuns } from './list-commission-runs';
import { listIncoming } from './list-incoming';
import { listNetworkEvents } from './list-network-events';
import { listOrganisations } from './list-organisations';
import { putAway } from './put-away';
import { shipItems } from './ship-items';

/*
 * The consoles' read models and station actions against real PostgreSQL:
 * a manufacturer fills two cases and ships them; the distributor sees them
 * coming, receives one, puts it away, picks one pack out of it for a
 * pharmacy. Every read is checked for what other organisations must not see.
 */
let n: TTestNetwork;
let caseA: string;
let caseB: string;
/** Index (into n.serials) of a pack in case A, and of one left loose at the manufacturer. */
let inA: number;
let loose: number;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  n = await createTestNetwork(30);
  caseA = (await allocateSscc(n.maker.actor)).sscc;
  caseB = (await allocateSscc(n.maker.actor)).sscc;
});

describe('packing and shipping', () => {
  it('fills a case with loose packs of a batch, refuses more than there are, and lists the case as ready', async () => {
    await fillCase(n.maker.actor, { sscc: caseA, batchId: n.batch.batchId, count: 12 });
    await expect(fillCase(n.maker.actor, { sscc: caseB, batchId: n.batch.batchId, count: 19 })).rejects.toMatchObject({ code: 'conflict', detail: expect.stringContaining('Only 18 packs') });
    await fillCase(n.maker.actor, { sscc: caseB, batchId: n.batch.batchId, count: 10 });
    const { rows } = await getPool().query<{ serial: string; container_sscc: string | null }>('SELECT serial, container_sscc FROM packs WHERE batch_id = $1', [n.batch.batchId]);
    inA = n.serials.indexOf(rows.find((r) => r.container_sscc === caseA)!.serial);
    loose = n.serials.indexOf(rows.find((r) => r.container_sscc === null)!.serial);
    const ready = await listCases(n.maker.actor, { state: 'ready', page: 1 });
    expect(ready.items.map((c) => [c.sscc, c.packCount])).toEqual(expect.arrayContaining([[caseA, 12], [caseB, 10]]));
    expect(ready.items.find((c) => c.sscc === caseA)?.lines).toEqual([{ productName: expect.stringContaining('Test medicine'), lot: n.batch.lot, expiry: n.batch.expiry, count: 12 }]);
    // Another manufacturer's cases are not in anyone else's list.
    expect((await listCases(n.maker2.actor, { state: 'all', page: 1 })).items).toEqual([]);
  });

  it('ships both cases to the distributor, who alone sees them coming, with their pack counts', async () => {
    await shipItems(n.maker.actor, { kind: 'ship', codes: [caseCode(caseA), caseCode(caseB)], to: n.dist.gln });
    const incoming = await listIncoming(n.dist.actor);
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ from: { id: n.maker.id }, isReturn: false, named: 2 });
    expect(incoming[0]!.items.map((i) => (i.kind === 'case' ? [i.sscc, i.packCount] : null))).toEqual(expect.arrayContaining([[caseA, 12], [caseB, 10]]));
    expect(await listIncoming(n.dist2.actor)).toEqual([]);
    expect(await listIncoming(n.pharmacy.actor)).toEqual([]);
    expect((await listCases(n.maker.actor, { state: 'in-transit', page: 1 })).items.map((c) => [c.sscc, c.inTransitTo])).toEqual(expect.arrayContaining([[caseA, n.dist.name], [caseB, n.dist.name]]));
  });

  it('tells the receiving station what a scan is: expected, for the destination; unknown, for anyone else', async () => {
    expect(await inspectScan(n.dist.actor, `]C100${caseA}`)).toMatchObject({ kind: 'case', sscc: caseA, inTransitToYou: true, heldByYou: false, packCount: 12 });
    expect(await inspectScan(n.dist2.actor, `(00)${caseA}`)).toMatchObject({ kind: 'unknown', what: 'case' });
    const pack = await inspectScan(n.dist.actor, n.code(inA));
    expect(pack).toMatchObject({ kind: 'pack', inTransitToYou: true, container: caseA, mismatch: null, lot: n.batch.lot });
    expect(await inspectScan(n.dist.actor, n.code(inA, { lot: 'FAKE1' }))).toMatchObject({ kind: 'pack', mismatch: 'lot' });
    expect(await inspectScan(n.dist.actor, 'not a code')).toMatchObject({ kind: 'unreadable' });
  });

  it('once the distributor receives one case, only the other is still expected', async () => {
    await scan(n.dist, { kind: 'receive', codes: [caseCode(caseA)] });
    const incoming = await listIncoming(n.dist.actor);
    expect(incoming[0]!.items.map((i) => i.key)).toEqual([`00/${caseB}`]);
    expect(incoming[0]!.named).toBe(2);
  });

  it('puts the received case away into a storage location, as a CBV storing event, and refuses what is not held', async () => {
    const result = await putAway(n.dist.actor, { codes: [caseCode(caseA)], bin: 'A-12/3' });
    const { rows } = await getPool().query('SELECT biz_step, disposition, biz_location FROM events WHERE id = $1', [result.events[0]!.id]);
    expect(rows[0]).toEqual({ biz_step: 'storing', disposition: 'sellable_not_accessible', biz_location: `414/${n.dist.gln}/254/A-12%2F3` });
    await expect(putAway(n.dist2.actor, { codes: [caseCode(caseA)] })).rejects.toMatchObject({ code: 'not_custodian' });
    await expect(putAway(n.dist.actor, { codes: [n.code(inA, { lot: 'FAKE1' })] })).rejects.toMatchObject({ code: 'batch_mismatch' });
  });

  it('picks one pack out of the received case and ships it to a pharmacy in one go (unpack, then ship)', async () => {
    const pack = await inspectScan(n.dist.actor, n.code(inA));
    expect(pack).toMatchObject({ heldByYou: true, container: caseA });
    const result = await shipItems(n.dist.actor, { kind: 'ship', codes: [n.code(inA)], to: n.pharmacy.gln });
    expect(result.events.map((e) => e.kind)).toEqual(['unpack', 'ship']);
    const incoming = await listIncoming(n.pharmacy.actor);
    expect(incoming[0]!.items).toEqual([expect.objectContaining({ kind: 'pack', serial: n.serials[inA], lot: n.batch.lot })]);
    expect((await inspectScan(n.dist.actor, `(00)${caseA}`))).toMatchObject({ packCount: 11 });
  });

  it('ships a case without naming the packs inside it again, and refuses it all when one item cannot go', async () => {
    const inside = (await inspectScan(n.maker.actor, n.code(loose))) as { container: string | null };
    expect(inside.container).toBeNull();
    const before = await getPool().query('SELECT count(*)::int AS n FROM events');
    await expect(shipItems(n.dist.actor, { kind: 'ship', codes: [caseCode(caseA), n.code(loose)], to: n.pharmacy.gln })).rejects.toMatchObject({ code: 'not_custodian' });
    const after = await getPool().query('SELECT count(*)::int AS n FROM events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('batches', () => {
  it('pages the batches table with pack counts, and hides whole-batch volumes from traders', async () => {
    const own = await listBatchPage(n.maker.actor, { q: n.batch.lot.toLowerCase(), status: 'all', page: 1 });
    expect(own.items).toEqual([expect.objectContaining({ id: n.batch.batchId, packs: 30, held: 8 })]);
    const trader = await listBatchPage(n.dist.actor, { status: 'all', page: 1 });
    expect(trader.items).toEqual([expect.objectContaining({ id: n.batch.batchId, packs: null, held: 11 })]);
    expect((await listBatchPage(n.dist2.actor, { status: 'all', page: 1 })).total).toBe(0);
    expect((await listBatchPage(n.maker.actor, { status: 'recalled', page: 1 })).total).toBe(0);
  });

  it("lists a batch's packs with where they are: the manufacturer without its customers' names, the regulator with them", async () => {
    const maker = await listBatchPacks(n.maker.actor, n.batch.batchId, { packStatus: 'all', packPage: 1, serial: n.serials[inA] });
    expect(maker.items).toEqual([expect.objectContaining({ serial: n.serials[inA], whereabouts: 'in-transit', holder: null, sscc: null })]);
    const regulator = await listBatchPacks(n.regulator.actor, n.batch.batchId, { packStatus: 'ACTIVE', packPage: 1, serial: n.serials[loose] });
    expect(regulator.items[0]).toMatchObject({ holder: n.maker.name, whereabouts: 'in-supply-chain', sscc: null });
    const inTransit = await listBatchPacks(n.regulator.actor, n.batch.batchId, { packStatus: 'all', packPage: 1, serial: n.serials[inA] });
    expect(inTransit.items[0]).toMatchObject({ holder: n.dist.name, whereabouts: 'in-transit' });
    await expect(listBatchPacks(n.dist.actor, n.batch.batchId, { packStatus: 'all', packPage: 1 })).rejects.toMatchObject({ code: 'batch_not_found' });
    expect((await listBatchPacks(n.maker.actor, n.batch.batchId, { packStatus: 'all', packPage: 2 })).items).toHaveLength(5);
  });

  it('lists the commissioning runs, and prints labels and the serial list of a run for the manufacturer only', async () => {
    const runs = await listCommissionRuns(n.maker.actor, n.batch);
    expect(runs).toEqual([expect.objectContaining({ count: 30 })]);
    expect(await listCommissionRuns(n.dist.actor, n.batch)).toEqual([]);
    const sheet = await listLabelPacks(n.maker.actor, n.batch.batchId, { run: runs[0]!.id, sheet: 2 });
    expect(sheet).toMatchObject({ total: 30, sheet: 2, sheets: 2 });
    expect(sheet.serials).toEqual([...n.serials].sort().slice(24));
    await expect(listLabelPacks(n.maker2.actor, n.batch.batchId)).rejects.toMatchObject({ code: 'batch_not_found' });
    await expect(listLabelPacks(n.dist.actor, n.batch.batchId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listLabelPacks(n.maker.actor, n.batch.batchId, { run: '999999' })).rejects.toMatchObject({ code: 'not_found' });
    const csv = await serialsCsv(n.maker.actor, n.batch.batchId, { run: runs[0]!.id, baseUrl: 'https://pharmatrace.example' });
    let text = '';
    for await (const chunk of csv.chunks) text += chunk;
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('gtin,lot,expiry,serial,element_string,digital_link,status');
    expect(lines.slice(1).map((l) => l.split(',')[3]).sort()).toEqual([...n.serials].sort());
    expect(csv.filename).toBe(`serials-${n.batch.gtin}-${n.batch.lot}-run-${runs[0]!.id}.csv`);
  });
});

describe("the regulator's screens", () => {
  it('explores every event of the network by code, business step and organisation, newest first, and nobody else may', async () => {
    const byCase = await listNetworkEvents(n.regulator.actor, { code: `(00)${caseA}` });
    expect(byCase.items.map((e) => e.bizStep)).toEqual(['unpacking', 'storing', 'receiving', 'shipping', 'packing']);
    expect(byCase.items[3]).toMatchObject({ recorder: { id: n.maker.id }, partners: [{ id: n.dist.id, name: n.dist.name }] });
    const shipping = await listNetworkEvents(n.regulator.actor, { step: 'shipping', org: n.pharmacy.id });
    expect(shipping.items).toHaveLength(1);
    expect((await listNetworkEvents(n.regulator.actor, { code: '(01)04098765000118(21)X' })).codeProblem).toMatch(/check digit/);
    await expect(listNetworkEvents(n.dist.actor, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows an event with its private record to its parties and the regulator, 404 to others', async () => {
    const [shipped] = (await listNetworkEvents(n.regulator.actor, { code: `(00)${caseA}`, step: 'shipping' })).items;
    const forRegulator = await getEventDetail(n.regulator.actor, shipped!.id);
    expect(forRegulator.privateRecord).not.toBeNull();
    expect(forRegulator.identifiers).toEqual(expect.arrayContaining([{ key: `00/${caseA}`, role: 'epc' }]));
    expect((await getEventDetail(n.dist.actor, shipped!.id)).privateRecord).not.toBeNull();
    await expect(getEventDetail(n.dist2.actor, shipped!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts events per day by business step: the whole network for the regulator, its own for a distributor', async () => {
    const all = await eventsPerDay(n.regulator.actor, { from: today, to: today });
    const own = await eventsPerDay(n.dist.actor, { from: today, to: today });
    expect(all.days).toHaveLength(1);
    expect(all.days[0]!.byStep.commissioning).toBe(1);
    expect(own.days[0]!.byStep.commissioning).toBeUndefined();
    expect(own.days[0]!.byStep).toMatchObject({ shipping: 2, receiving: 1, storing: 1, unpacking: 1 });
    expect(own.total).toBeLessThan(all.total);
  });
});

describe('overview figures and organisations', () => {
  it('counts what each organisation holds and has to do', async () => {
    const maker = await consoleFigures(n.maker.actor);
    expect(maker).toMatchObject({ products: 1, activeBatches: 1, commissioned30d: 30, casesReady: 0 });
    expect(maker.stock.available).toBe(8);
    const dist = await consoleFigures(n.dist.actor);
    expect(dist.stock.available).toBe(11);
    const stock = await getStock(n.dist.actor);
    expect(stock[0]).toMatchObject({ available: 11, inTransit: 1 });
  });

  it('lists the organisations of the network as destinations, without the caller', async () => {
    const destinations = await listOrganisations(n.dist.actor, { roles: ['PHARMACY'], exceptOwn: true });
    expect(destinations.map((o) => o.id)).toEqual(expect.arrayContaining([n.pharmacy.id, n.pharmacy2.id]));
    expect(destinations.every((o) => o.role === 'PHARMACY')).toBe(true);
    expect((await listOrganisations(n.dist.actor, { exceptOwn: true })).some((o) => o.id === n.dist.id)).toBe(false);
  });
});
