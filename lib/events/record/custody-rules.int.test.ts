import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { epcKey, toBracketed, withCheckDigit } from '@/lib/gs1';
import { recordCaptureEvents } from './record-events';
import { buildScanCaptureEvent } from '../build/build-scan-event';
import { recordScans } from '../record-scans';
import { ZScanRequest } from '../schemas';
import { allocateSscc } from '../allocate-sscc';
import { caseCode, createTestBatch, packState, scan, testSscc } from '../testing/fixtures';
import { alertsFor, createTestNetwork, snapshot, type TTestNetwork } from '../testing/network';

/*
 * Every rule of the custody state machine, allowed and refused, with the
 * reason code a client switches on (docs/decisions/051). Each test uses
 * packs of its own from one shared network.
 */
let n: TTestNetwork;
let next = 0;
/** A fresh pack index held by the manufacturer. */
const fresh = () => next++;
const key = (i: number) => `01/${n.batch.gtin}/21/${n.serials[i]}`;

beforeAll(async () => {
  n = await createTestNetwork(80);
});

/** Ships pack i from the manufacturer to a distributor and receives it there. */
async function atDistributor(i: number, dist = n.dist) {
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: dist.gln });
  await scan(dist, { kind: 'receive', codes: [n.code(i)] });
}

async function atPharmacy(i: number, pharmacy = n.pharmacy) {
  await atDistributor(i);
  await scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: pharmacy.gln });
  await scan(pharmacy, { kind: 'receive', codes: [n.code(i)] });
}

describe('commissioning', () => {
  it('creates active packs held by the manufacturer, and names the batch in the public record', async () => {
    const serial = `C${Date.now()}`;
    const code = toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial });
    const result = await scan(n.maker, { kind: 'commission', codes: [code] });
    expect(await packState(n.batch.gtin, serial)).toMatchObject({ status: 'ACTIVE', custodian_org_id: n.maker.id });
    const { rows } = await getPool().query('SELECT public_record FROM events WHERE id = $1', [result.events[0]!.id]);
    expect(JSON.parse(rows[0].public_record).batch).toEqual({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry });
  });

  it('refuses a serial that exists, a product or batch that does not, another manufacturer, a wrong expiry, a missing lot, mixed lots', async () => {
    const code = (fields: Record<string, string>) => toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: `X${next++}${Date.now()}`, ...fields });
    await expect(scan(n.maker, { kind: 'commission', codes: [n.code(0)], eventTime: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'already_commissioned', status: 409 });
    await expect(scan(n.maker, { kind: 'commission', codes: [code({ gtin: withCheckDigit(`0${n.maker.prefix}99999`) })] })).rejects.toMatchObject({ code: 'unknown_product' });
    await expect(scan(n.maker2, { kind: 'commission', codes: [code({})] })).rejects.toMatchObject({ code: 'not_product_owner', status: 403 });
    await expect(scan(n.maker, { kind: 'commission', codes: [code({ lot: 'NOSUCHLOT' })] })).rejects.toMatchObject({ code: 'unknown_batch' });
    await expect(scan(n.maker, { kind: 'commission', codes: [code({ expiry: '2031-01-31' })] })).rejects.toMatchObject({ code: 'batch_mismatch' });
    await expect(scan(n.maker, { kind: 'commission', codes: [`(01)${n.batch.gtin}(21)NOLOT${Date.now()}`] })).rejects.toMatchObject({ code: 'lot_missing' });
    const other = await createTestBatch(n.maker);
    const mixed = [code({}), toBracketed({ gtin: other.gtin, lot: other.lot, expiry: other.expiry, serial: `M${Date.now()}` })];
    await expect(scan(n.maker, { kind: 'commission', codes: mixed })).rejects.toMatchObject({ code: 'mixed_batches', errors: [expect.objectContaining({ pointer: '/events/0/codes/1' })] });
  });

  it('is for manufacturers only, and not into a recalled batch', async () => {
    await expect(scan(n.dist, { kind: 'commission', codes: [n.code(0)] })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    const recalled = await createTestBatch(n.maker);
    await commissionBatch(n.maker.actor, recalled.batchId, { count: 1 });
    await scan(n.maker, { kind: 'recall', codes: [`(01)${recalled.gtin}(10)${recalled.lot}`] });
    const code = toBracketed({ gtin: recalled.gtin, lot: recalled.lot, expiry: recalled.expiry, serial: `R${Date.now()}` });
    await expect(scan(n.maker, { kind: 'commission', codes: [code] })).rejects.toMatchObject({ code: 'batch_recalled' });
  });
});

describe('packing and unpacking', () => {
  it('packs held packs into a new case, refuses what the packer does not hold, double packing, cycles and unpacked cases', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    const sscc = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(a), n.code(b)] });
    expect(await packState(n.batch.gtin, n.serials[a]!)).toMatchObject({ container_sscc: sscc });
    await expect(scan(n.dist, { kind: 'pack', parent: caseCode(testSscc()), codes: [n.code(c)] })).rejects.toMatchObject({ code: 'not_custodian' });
    await expect(scan(n.maker, { kind: 'pack', parent: caseCode(testSscc(n.maker.prefix)), codes: [n.code(a)] })).rejects.toMatchObject({ code: 'already_packed' });
    await expect(scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [caseCode(sscc)] })).rejects.toMatchObject({ code: 'aggregation_cycle' });
    const pallet = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(pallet), codes: [caseCode(sscc)] });
    await expect(scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [caseCode(pallet)] })).rejects.toMatchObject({ code: 'aggregation_cycle' });
    const emptied = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(emptied), codes: [n.code(c)] });
    await scan(n.maker, { kind: 'unpack', parent: caseCode(emptied) });
    await expect(scan(n.maker, { kind: 'pack', parent: caseCode(emptied), codes: [n.code(c)] })).rejects.toMatchObject({ code: 'container_not_active' });
  });

  it('lets only manufacturers and distributors create cases, and refuses unknown packs and cases', async () => {
    const i = fresh();
    await atPharmacy(i);
    await expect(scan(n.pharmacy, { kind: 'pack', parent: caseCode(testSscc()), codes: [n.code(i)] })).rejects.toMatchObject({ code: 'sscc_not_allowed', status: 403 });
    await expect(scan(n.maker, { kind: 'pack', parent: caseCode(testSscc(n.maker.prefix)), codes: [toBracketed({ gtin: n.batch.gtin, serial: 'NEVERMADE1' })] })).rejects.toMatchObject({ code: 'unknown_serial' });
    await expect(scan(n.maker, { kind: 'unpack', parent: caseCode(testSscc()) })).rejects.toMatchObject({ code: 'unknown_container' });
  });

  it('unpacks named packs, which then no longer move with their case; unpacking everything empties it', async () => {
    const [a, b] = [fresh(), fresh()];
    const sscc = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(a), n.code(b)] });
    await expect(scan(n.maker, { kind: 'unpack', parent: caseCode(sscc), codes: [n.code(fresh())] })).rejects.toMatchObject({ code: 'not_in_container' });
    await scan(n.maker, { kind: 'unpack', parent: caseCode(sscc), codes: [n.code(a)] });
    await scan(n.maker, { kind: 'ship', codes: [caseCode(sscc)], to: n.dist.gln });
    expect(await packState(n.batch.gtin, n.serials[a]!)).toMatchObject({ container_sscc: null, in_transit_to_id: null, custodian_org_id: n.maker.id });
    expect(await packState(n.batch.gtin, n.serials[b]!)).toMatchObject({ container_sscc: sscc, in_transit_to_id: n.dist.id });
    await scan(n.dist, { kind: 'receive', codes: [caseCode(sscc)] });
    await scan(n.dist, { kind: 'unpack', parent: caseCode(sscc) });
    const { rows } = await getPool().query('SELECT status FROM containers WHERE sscc = $1', [sscc]);
    expect(rows[0].status).toBe('UNPACKED');
    expect(await packState(n.batch.gtin, n.serials[b]!)).toMatchObject({ container_sscc: null, custodian_org_id: n.dist.id });
  });
});

describe('shipping and receiving', () => {
  it('moves a pallet with its cases and their packs, and only the named destination receives it', async () => {
    const [a, b] = [fresh(), fresh()];
    const [case1, case2] = [(await allocateSscc(n.maker.actor)).sscc, (await allocateSscc(n.maker.actor)).sscc];
    const pallet = (await allocateSscc(n.maker.actor)).sscc;
    await scan(n.maker, { kind: 'pack', parent: caseCode(case1), codes: [n.code(a)] }, { kind: 'pack', parent: caseCode(case2), codes: [n.code(b)] }, { kind: 'pack', parent: caseCode(pallet), codes: [caseCode(case1), caseCode(case2)] });
    await scan(n.maker, { kind: 'ship', codes: [caseCode(pallet)], to: n.dist.gln });
    for (const i of [a, b]) expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ in_transit_to_id: n.dist.id, custodian_org_id: n.maker.id });
    await expect(scan(n.maker, { kind: 'ship', codes: [caseCode(pallet)], to: n.dist2.gln })).rejects.toMatchObject({ code: 'in_transit' });
    await expect(scan(n.dist2, { kind: 'receive', codes: [caseCode(pallet)] })).rejects.toMatchObject({ code: 'not_destination' });
    await expect(scan(n.dist, { kind: 'receive', codes: [caseCode(case1)] })).rejects.toMatchObject({ code: 'pack_in_container' });
    await scan(n.dist, { kind: 'receive', codes: [caseCode(pallet)] });
    for (const i of [a, b]) expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ in_transit_to_id: null, custodian_org_id: n.dist.id });
    const { rows } = await getPool().query('SELECT custodian_org_id FROM containers WHERE sscc = ANY($1::bpchar[])', [[case1, case2, pallet]]);
    expect(rows.map((r) => r.custodian_org_id)).toEqual([n.dist.id, n.dist.id, n.dist.id]);
  });

  it('lets only the custodian ship, to a known organisation other than itself, and never a pack alone out of its case', async () => {
    const i = fresh();
    await expect(scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: n.pharmacy.gln })).rejects.toMatchObject({ code: 'not_custodian' });
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: withCheckDigit('999999999999') })).rejects.toMatchObject({ code: 'unknown_destination' });
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.maker.gln })).rejects.toMatchObject({ code: 'destination_is_self' });
    const sscc = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(i)] });
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln })).rejects.toMatchObject({ code: 'pack_in_container' });
  });

  it('does not ship recalled or expired packs on, but lets them be returned', async () => {
    const expired = await createTestBatch(n.maker, { expiry: '2024-01-31' });
    const { serials } = await commissionBatch(n.maker.actor, expired.batchId, { count: 1, eventTime: '2023-06-01T08:00:00Z' });
    const code = toBracketed({ gtin: expired.gtin, lot: expired.lot, expiry: expired.expiry, serial: serials[0]! });
    await expect(scan(n.maker, { kind: 'ship', codes: [code], to: n.dist.gln })).rejects.toMatchObject({ code: 'pack_expired' });
    const i = fresh();
    await atDistributor(i);
    await scan(n.maker, { kind: 'recall', codes: [n.code(i)] });
    await expect(scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: n.pharmacy.gln })).rejects.toMatchObject({ code: 'pack_recalled' });
    await scan(n.dist, { kind: 'return', codes: [n.code(i)], to: n.maker.gln });
    await scan(n.maker, { kind: 'receive', codes: [n.code(i)] });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'RECALLED', custodian_org_id: n.maker.id });
  });

  it('records a receipt nobody shipped, changes no custody, and alerts the holder, the manufacturer and the regulator', async () => {
    const i = fresh();
    const result = await scan(n.pharmacy, { kind: 'receive', codes: [n.code(i)] });
    expect(result.events[0]!.alerts).toEqual(['receipt_without_shipment']);
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ custodian_org_id: n.maker.id });
    const [alert] = await alertsFor(key(i));
    expect(alert).toMatchObject({ code: 'receipt_without_shipment', raised_by_org_id: n.pharmacy.id, event_ids: [result.events[0]!.id] });
    expect(alert!.visible_to).toEqual(expect.arrayContaining([n.pharmacy.id, n.maker.id]));
  });

  it('names the shipper among the parties of the receipt', async () => {
    const i = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
    const { events } = await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
    const { rows } = await getPool().query('SELECT party_ids FROM events WHERE id = $1', [events[0]!.id]);
    expect(rows[0].party_ids.sort()).toEqual([n.maker.id, n.dist.id].sort());
  });
});

describe('dispensing', () => {
  it('dispenses a pack the pharmacy holds, once: the second attempt is refused and its alert survives the refusal', async () => {
    const i = fresh();
    await atPharmacy(i);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'DISPENSED', custodian_org_id: null, dispensed_by_id: n.pharmacy.id });
    const before = await snapshot();
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'already_dispensed', status: 409 });
    expect(await snapshot()).toEqual(before);
    expect(await alertsFor(key(i))).toEqual([expect.objectContaining({ code: 'already_dispensed', severity: 'HIGH', count: 1, event_ids: [] })]);
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'already_dispensed' });
    expect((await alertsFor(key(i)))[0]!.count).toBe(2);
  });

  it('refuses packs the pharmacy does not hold or has not received yet, cases, and non-pharmacies', async () => {
    const i = fresh();
    await atPharmacy(i, n.pharmacy2);
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'not_custodian' });
    const j = fresh();
    await atDistributor(j);
    await scan(n.dist, { kind: 'ship', codes: [n.code(j)], to: n.pharmacy.gln });
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [n.code(j)] })).rejects.toMatchObject({ code: 'in_transit' });
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [caseCode(testSscc())] })).rejects.toMatchObject({ code: 'not_a_pack' });
    await expect(scan(n.dist, { kind: 'dispense', codes: [n.code(j)] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses recalled, expired, stolen and destroyed packs, unknown serials and codes whose lot does not match, with alerts', async () => {
    const [recalled, stolen, destroyed, mismatched] = [fresh(), fresh(), fresh(), fresh()];
    for (const i of [recalled, stolen, destroyed, mismatched]) await atPharmacy(i);
    await scan(n.maker, { kind: 'recall', codes: [n.code(recalled)] });
    await scan(n.pharmacy, { kind: 'stolen', codes: [n.code(stolen)] });
    await scan(n.pharmacy, { kind: 'destroy', codes: [n.code(destroyed)] });
    const cases: [string, string][] = [
      [n.code(recalled), 'pack_recalled'],
      [n.code(stolen), 'pack_stolen'],
      [n.code(destroyed), 'pack_destroyed'],
      [n.code(mismatched, { lot: 'FAKE01' }), 'batch_mismatch'],
      [toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: 'NOSUCHPACK9' }), 'unknown_serial'],
    ];
    for (const [code, reason] of cases) {
      await expect(scan(n.pharmacy, { kind: 'dispense', codes: [code] })).rejects.toMatchObject({ code: reason });
    }
    expect((await alertsFor(key(stolen))).map((a) => [a.code, a.severity])).toEqual([['pack_stolen', 'CRITICAL']]);
    expect((await alertsFor(key(mismatched)))[0]).toMatchObject({ code: 'batch_mismatch', visible_to: expect.arrayContaining([n.pharmacy.id, n.maker.id]) });
    expect((await alertsFor(`01/${n.batch.gtin}/21/NOSUCHPACK9`))[0]).toMatchObject({ code: 'unknown_serial', visible_to: expect.arrayContaining([n.maker.id]) });
  });

  it('refuses a pack of a batch past its expiry date', async () => {
    const expired = await createTestBatch(n.maker, { expiry: '2025-12-31' });
    const { serials } = await commissionBatch(n.maker.actor, expired.batchId, { count: 1, eventTime: '2025-01-10T08:00:00Z' });
    const code = toBracketed({ gtin: expired.gtin, lot: expired.lot, expiry: expired.expiry, serial: serials[0]! });
    await scan(n.maker, { kind: 'ship', codes: [code], to: n.pharmacy.gln, eventTime: '2025-02-01T08:00:00Z' });
    await scan(n.pharmacy, { kind: 'receive', codes: [code], eventTime: '2025-02-02T08:00:00Z' });
    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [code] })).rejects.toMatchObject({ code: 'pack_expired' });
  });

  it('takes a pack out of the case it came in', async () => {
    const i = fresh();
    const sscc = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(i)] }, { kind: 'ship', codes: [caseCode(sscc)], to: n.pharmacy.gln });
    await scan(n.pharmacy, { kind: 'receive', codes: [caseCode(sscc)] }, { kind: 'dispense', codes: [n.code(i)] });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'DISPENSED', container_sscc: null });
  });

  it('lets the dispensing pharmacy undo it within 10 days, and nobody else', async () => {
    const i = fresh();
    await atPharmacy(i);
    const dispensedAt = new Date(Date.now() - 60_000);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)], eventTime: dispensedAt.toISOString() });
    await expect(scan(n.pharmacy2, { kind: 'restock', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'undo_not_allowed' });
    await scan(n.pharmacy, { kind: 'restock', codes: [n.code(i)] });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'ACTIVE', custodian_org_id: n.pharmacy.id, dispensed_by_id: null });
    const j = fresh();
    await atPharmacy(j);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(j)], eventTime: new Date(Date.now() - 11 * 86_400_000).toISOString() });
    await expect(scan(n.pharmacy, { kind: 'restock', codes: [n.code(j)] })).rejects.toMatchObject({ code: 'undo_not_allowed' });
  });
});

describe('destroying, theft, recalls and expiry', () => {
  it('lets the holder destroy a case with its packs, or report a theft; neither can be undone by scanning again', async () => {
    const [a, b] = [fresh(), fresh()];
    const sscc = testSscc(n.maker.prefix);
    await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(a)] });
    await expect(scan(n.dist, { kind: 'destroy', codes: [caseCode(sscc)] })).rejects.toMatchObject({ code: 'not_custodian' });
    await scan(n.maker, { kind: 'destroy', codes: [caseCode(sscc)] });
    expect(await packState(n.batch.gtin, n.serials[a]!)).toMatchObject({ status: 'DESTROYED', custodian_org_id: null });
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(a)], to: n.dist.gln })).rejects.toMatchObject({ code: 'pack_destroyed' });
    await scan(n.maker, { kind: 'ship', codes: [n.code(b)], to: n.dist.gln });
    await scan(n.maker, { kind: 'stolen', codes: [n.code(b)] });
    expect(await packState(n.batch.gtin, n.serials[b]!)).toMatchObject({ status: 'STOLEN', in_transit_to_id: null });
    await expect(scan(n.dist, { kind: 'receive', codes: [n.code(b)] })).rejects.toMatchObject({ code: 'pack_stolen' });
  });

  it('recalls a whole batch for its manufacturer (and the regulator), never for another manufacturer', async () => {
    const batch = await createTestBatch(n.maker);
    const { serials } = await commissionBatch(n.maker.actor, batch.batchId, { count: 3 });
    const code = (s: string) => toBracketed({ gtin: batch.gtin, lot: batch.lot, expiry: batch.expiry, serial: s });
    await scan(n.maker, { kind: 'ship', codes: [code(serials[0]!)], to: n.dist.gln });
    await scan(n.dist, { kind: 'receive', codes: [code(serials[0]!)] });
    const batchCode = `(01)${batch.gtin}(10)${batch.lot}`;
    // Only through the recalls service, which records the reason and alerts holders.
    await expect(recordScans(n.maker.actor, ZScanRequest.parse({ events: [{ kind: 'recall', codes: [batchCode] }] }))).rejects.toMatchObject({ code: 'recall_requires_recalls_api' });
    const recall = { kind: 'recall' as const, epcs: [], classes: [epcKey({ gtin: batch.gtin, lot: batch.lot })], eventTime: new Date().toISOString(), eventTimeZoneOffset: '+00:00' };
    const asRecall = async (org: typeof n.maker) => recordCaptureEvents(org.actor, [{ ...buildScanCaptureEvent({ ...recall, recorderGln: org.gln }), recall: { class: 'I', reason: 'Sterility failure' } }]);
    await expect(asRecall(n.maker2)).rejects.toMatchObject({ code: 'not_product_owner' });
    const { events } = await asRecall(n.maker);
    const { rows } = await getPool().query('SELECT DISTINCT p.status, b.status AS batch FROM packs p JOIN batches b ON b.id = p.batch_id WHERE p.batch_id = $1', [batch.batchId]);
    expect(rows).toEqual([{ status: 'RECALLED', batch: 'RECALLED' }]);
    const record = JSON.parse((await getPool().query('SELECT public_record FROM events WHERE id = $1', [events[0]!.id])).rows[0].public_record);
    expect(record).toMatchObject({ disposition: 'recalled', batch: { gtin: batch.gtin, lot: batch.lot } });
    await expect(scan(n.dist, { kind: 'ship', codes: [code(serials[0]!)], to: n.pharmacy.gln })).rejects.toMatchObject({ code: 'pack_recalled' });
  });

  it('marks held packs expired; a recalled pack stays recalled', async () => {
    const [a, b] = [fresh(), fresh()];
    await expect(scan(n.dist, { kind: 'expire', codes: [n.code(a)] })).rejects.toMatchObject({ code: 'not_custodian' });
    await scan(n.maker, { kind: 'recall', codes: [n.code(b)] });
    await scan(n.maker, { kind: 'expire', codes: [n.code(a), n.code(b)] });
    expect((await packState(n.batch.gtin, n.serials[a]!))?.status).toBe('EXPIRED');
    expect((await packState(n.batch.gtin, n.serials[b]!))?.status).toBe('RECALLED');
  });
});
