import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { toBracketed } from '@/lib/gs1';
import { createTestBatch, packCode, scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import type { TTestOrg } from '@/lib/events/testing/fixtures';
import { changeAlertStatus } from './change-alert-status';
import { checkOverdueShipments } from './check-overdue-shipments';
import { getAlert } from './get-alert';
import { listAlerts } from './list-alerts';

/*
 * Every alert rule: raised once, folded on repeats (one alert, a count),
 * and seen by exactly the right organisations through their inboxes (the
 * regulator sees all). Who scanned is named only to the regulator and the
 * scanner itself.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;
const key = (i: number) => `01/${n.batch.gtin}/21/${n.serials[i]}`;
let everyone: [string, TTestOrg][];

beforeAll(async () => {
  n = await createTestNetwork(40);
  everyone = Object.entries({ maker: n.maker, maker2: n.maker2, dist: n.dist, dist2: n.dist2, pharmacy: n.pharmacy, pharmacy2: n.pharmacy2, regulator: n.regulator });
});

async function atPharmacy(i: number, pharmacy = n.pharmacy) {
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
  await scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: pharmacy.gln });
  await scan(pharmacy, { kind: 'receive', codes: [n.code(i)] });
}

/** The one alert of this code about this subject, as the regulator's inbox shows it. */
async function theAlert(code: string, subject: string) {
  const page = await listAlerts(n.regulator.actor, { code: [code], limit: 200 });
  const found = page.items.filter((a) => a.subject === subject);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The organisations whose inbox shows the alert. */
async function whoSees(id: string): Promise<string[]> {
  const seen: string[] = [];
  for (const [name, org] of everyone) {
    const inbox = await listAlerts(org.actor, { limit: 200 });
    if (inbox.items.some((a) => a.id === id)) seen.push(name);
  }
  return seen.sort();
}

async function refused(org: TTestOrg, event: Parameters<typeof scan>[1], reason: string) {
  await expect(scan(org, event)).rejects.toMatchObject({ code: reason });
}

describe('alerts of refused scans', () => {
  it('unknown serial: once, folded on repeats, seen by the scanner, the manufacturer and the regulator', async () => {
    const code = toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: 'NEVERMADE42' });
    await refused(n.pharmacy, { kind: 'dispense', codes: [code] }, 'unknown_serial');
    await refused(n.pharmacy, { kind: 'dispense', codes: [code] }, 'unknown_serial');
    const alert = await theAlert('unknown_serial', `01/${n.batch.gtin}/21/NEVERMADE42`);
    expect(alert).toMatchObject({ count: 2, severity: 'HIGH', status: 'OPEN', eventIds: [] });
    expect(await whoSees(alert.id)).toEqual(['maker', 'pharmacy', 'regulator']);
    // Who scanned: named for the regulator and the pharmacy itself; the manufacturer learns "a pharmacy in DE".
    expect(alert.raisedBy).toMatchObject({ id: n.pharmacy.id, role: 'pharmacy' });
    expect((await listAlerts(n.pharmacy.actor, { code: ['unknown_serial'], limit: 50 })).items[0]).toMatchObject({ raisedByYou: true, raisedBy: { id: n.pharmacy.id } });
    const makers = (await listAlerts(n.maker.actor, { code: ['unknown_serial'], limit: 50 })).items.find((a) => a.id === alert.id)!;
    expect(makers.raisedBy).toEqual({ role: 'pharmacy', country: 'DE' });
    expect(makers.visibleTo).toBeUndefined();
  });

  it('already dispensed (possible copy): one alert however often, for the scanner, the manufacturer and the regulator', async () => {
    const i = fresh();
    await atPharmacy(i);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] });
    await refused(n.pharmacy2, { kind: 'dispense', codes: [n.code(i)] }, 'already_dispensed');
    await refused(n.pharmacy2, { kind: 'dispense', codes: [n.code(i)] }, 'already_dispensed');
    await refused(n.pharmacy2, { kind: 'dispense', codes: [n.code(i)] }, 'already_dispensed');
    const alert = await theAlert('already_dispensed', key(i));
    expect(alert.count).toBe(3);
    expect(await whoSees(alert.id)).toEqual(['maker', 'pharmacy2', 'regulator']);
  });

  it('lot or expiry mismatch: for the scanner, the manufacturer, the holder and the regulator', async () => {
    const i = fresh();
    await atPharmacy(i);
    await refused(n.dist2, { kind: 'receive', codes: [n.code(i, { expiry: '2031-01-31' })] }, 'batch_mismatch');
    await refused(n.dist2, { kind: 'receive', codes: [n.code(i, { lot: 'OTHER1' })] }, 'batch_mismatch');
    const alert = await theAlert('batch_mismatch', key(i));
    expect(alert).toMatchObject({ count: 2, severity: 'HIGH', batchId: n.batch.batchId });
    expect(await whoSees(alert.id)).toEqual(['dist2', 'maker', 'pharmacy', 'regulator']);
  });

  it('the same serial at two custodians: HIGH when a pharmacy that does not hold it tries to dispense it', async () => {
    const i = fresh();
    await atPharmacy(i);
    await refused(n.pharmacy2, { kind: 'dispense', codes: [n.code(i)] }, 'not_custodian');
    await refused(n.pharmacy2, { kind: 'dispense', codes: [n.code(i)] }, 'not_custodian');
    const alert = await theAlert('two_custodians', key(i));
    expect(alert).toMatchObject({ count: 2, severity: 'HIGH' });
    expect(await whoSees(alert.id)).toEqual(['maker', 'pharmacy', 'pharmacy2', 'regulator']);
    // The holder is not named to the scanner: the message says "another organisation".
    expect(alert.message).toMatch(/another organisation holds it/);
    // Receiving what was shipped to another organisation is one too.
    const k = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(k)], to: n.dist.gln });
    await refused(n.dist2, { kind: 'receive', codes: [n.code(k)] }, 'not_destination');
    expect(await whoSees((await theAlert('two_custodians', key(k))).id)).toEqual(['dist2', 'maker', 'regulator']);
    // A scan of one's own shipment still in transit, or of goods on their way to oneself, is not a clone.
    const j = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(j)], to: n.dist.gln });
    await refused(n.dist, { kind: 'ship', codes: [n.code(j)], to: n.pharmacy.gln }, 'in_transit');
    await refused(n.maker, { kind: 'destroy', codes: [n.code(j)] }, 'in_transit');
    expect((await listAlerts(n.regulator.actor, { code: ['two_custodians'], limit: 200 })).items.filter((a) => a.subject === key(j))).toEqual([]);
  });

  it('dispensing attempts of recalled, expired and stolen packs: each its own alert, for scanner, manufacturer, holder, regulator', async () => {
    const [recalled, stolen] = [fresh(), fresh()];
    await atPharmacy(recalled);
    await atPharmacy(stolen, n.pharmacy2);
    await scan(n.maker, { kind: 'recall', codes: [n.code(recalled)] });
    await scan(n.pharmacy2, { kind: 'stolen', codes: [n.code(stolen)] });
    await refused(n.pharmacy, { kind: 'dispense', codes: [n.code(recalled)] }, 'pack_recalled');
    await refused(n.pharmacy, { kind: 'dispense', codes: [n.code(recalled)] }, 'pack_recalled');
    await refused(n.pharmacy, { kind: 'dispense', codes: [n.code(stolen)] }, 'pack_stolen');
    const recalledAlert = await theAlert('pack_recalled', key(recalled));
    expect(recalledAlert.count).toBe(2);
    expect(await whoSees(recalledAlert.id)).toEqual(['maker', 'pharmacy', 'regulator']);
    // Shipping a recalled pack on is refused too, but only dispensing attempts are alerts.
    await refused(n.pharmacy, { kind: 'ship', codes: [n.code(recalled)], to: n.dist.gln }, 'pack_recalled');
    expect((await theAlert('pack_recalled', key(recalled))).count).toBe(2);
    const stolenAlert = await theAlert('pack_stolen', key(stolen));
    expect(stolenAlert.severity).toBe('CRITICAL');
    expect(await whoSees(stolenAlert.id)).toEqual(['maker', 'pharmacy', 'regulator']);

    const expired = await createTestBatch(n.maker, { expiry: '2025-12-31' });
    const { serials } = await commissionBatch(n.maker.actor, expired.batchId, { count: 1, eventTime: '2025-01-10T08:00:00Z' });
    const code = packCode(expired, serials[0]!);
    await scan(n.maker, { kind: 'ship', codes: [code], to: n.pharmacy.gln, eventTime: '2025-02-01T08:00:00Z' });
    await scan(n.pharmacy, { kind: 'receive', codes: [code], eventTime: '2025-02-02T08:00:00Z' });
    await refused(n.pharmacy, { kind: 'dispense', codes: [code] }, 'pack_expired');
    const expiredAlert = await theAlert('pack_expired', `01/${expired.gtin}/21/${serials[0]}`);
    expect(expiredAlert.severity).toBe('MEDIUM');
    expect(await whoSees(expiredAlert.id)).toEqual(['maker', 'pharmacy', 'regulator']);
  });
});

describe('alerts of recorded anomalies', () => {
  it('a receipt without a shipment: recorded, with the event, for the receiver, holder, manufacturer and regulator', async () => {
    const i = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
    await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
    const { events } = await scan(n.pharmacy2, { kind: 'receive', codes: [n.code(i)] });
    expect((await theAlert('receipt_without_shipment', key(i))).count).toBe(1);
    const again = await scan(n.pharmacy2, { kind: 'receive', codes: [n.code(i)], eventTime: new Date(Date.now() - 60_000).toISOString() });
    const alert = await theAlert('receipt_without_shipment', key(i));
    expect(alert).toMatchObject({ count: 2, eventIds: [events[0]!.id, again.events[0]!.id] });
    expect(await whoSees(alert.id)).toEqual(['dist', 'maker', 'pharmacy2', 'regulator']);
  });

  it('a theft report: for the reporter, the manufacturer and the regulator, naming the report', async () => {
    const i = fresh();
    await atPharmacy(i);
    const { events } = await scan(n.pharmacy, { kind: 'stolen', codes: [n.code(i)] });
    const alert = await theAlert('theft_reported', events[0]!.eventId);
    expect(alert).toMatchObject({ severity: 'HIGH', gtin: n.batch.gtin, serial: n.serials[i], eventIds: [events[0]!.id] });
    expect(await whoSees(alert.id)).toEqual(['maker', 'pharmacy', 'regulator']);
  });

  it('a shipment never received: checked once when it is overdue, for shipper, destination and regulator only', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    const { events } = await scan(n.maker, { kind: 'ship', codes: [n.code(a), n.code(b)], to: n.dist2.gln });
    await scan(n.maker, { kind: 'ship', codes: [n.code(c)], to: n.dist2.gln });
    await scan(n.dist2, { kind: 'receive', codes: [n.code(a), n.code(c)] });
    // Not yet overdue: nothing.
    await checkOverdueShipments({ overdueDays: 5 });
    expect((await listAlerts(n.regulator.actor, { code: ['shipment_not_received'], limit: 200 })).items).toEqual([]);
    const later = new Date(Date.now() + 6 * 86_400_000);
    const first = await checkOverdueShipments({ overdueDays: 5, now: later });
    expect(first.alerts).toBeGreaterThanOrEqual(1);
    const received = (await listAlerts(n.regulator.actor, { code: ['shipment_not_received'], limit: 200 })).items.filter((x) => [key(a), key(c)].includes(x.subject));
    expect(received).toEqual([]);
    const alert = await theAlert('shipment_not_received', key(b));
    expect(alert).toMatchObject({ severity: 'MEDIUM', count: 1, eventIds: [events[0]!.id], raisedBy: null });
    expect(alert.message).toMatch(/1 of the 2 items shipped by .* was still not received 5 days later/);
    expect(await whoSees(alert.id)).toEqual(['dist2', 'maker', 'regulator']);
    // Checked once: running again (on this or another instance) raises nothing new and folds nothing.
    expect((await checkOverdueShipments({ overdueDays: 5, now: later })).alerts).toBe(0);
    expect((await theAlert('shipment_not_received', key(b))).count).toBe(1);
  });
});

describe('a confirmed falsification', () => {
  it('closes the alert and tells the manufacturer and the regulator with a CRITICAL alert', async () => {
    const code = toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: 'FAKE0099' });
    await refused(n.dist, { kind: 'receive', codes: [code] }, 'unknown_serial');
    const original = await theAlert('unknown_serial', `01/${n.batch.gtin}/21/FAKE0099`);
    await changeAlertStatus(n.dist.actor, original.id, { status: 'CLOSED', resolution: 'CONFIRMED_FALSIFICATION', note: 'Pack seized; print quality differs.' });
    const escalation = await theAlert('falsification_confirmed', original.subject);
    expect(escalation).toMatchObject({ severity: 'CRITICAL', status: 'OPEN', gtin: n.batch.gtin });
    expect(escalation.message).toMatch(/confirmed as a falsification by a distributor in DE\. Note: Pack seized/);
    expect(await whoSees(escalation.id)).toEqual(['dist', 'maker', 'regulator']);
    expect((await getAlert(n.maker.actor, escalation.id)).raisedBy).toEqual({ role: 'distributor', country: 'DE' });
  });
});

describe('the inbox', () => {
  it('filters by code, status and date, and pages without gaps or repeats', async () => {
    for (let k = 0; k < 5; k++) await refused(n.pharmacy2, { kind: 'dispense', codes: [toBracketed({ gtin: n.batch.gtin, serial: `PAGE${k}X` })] }, 'unknown_serial');
    const all = (await listAlerts(n.pharmacy2.actor, { code: ['unknown_serial'], limit: 200 })).items.filter((a) => a.subject.includes('/21/PAGE'));
    expect(all).toHaveLength(5);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAlerts(n.pharmacy2.actor, { code: ['unknown_serial'], limit: 2, cursor });
      paged.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(expect.arrayContaining(all.map((a) => a.id)));
    expect((await listAlerts(n.pharmacy2.actor, { code: ['unknown_serial'], status: ['CLOSED'], limit: 200 })).items).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await listAlerts(n.pharmacy2.actor, { since: tomorrow, limit: 200 })).items).toEqual([]);
    expect((await listAlerts(n.pharmacy2.actor, { until: '2020-01-01', limit: 200 })).items).toEqual([]);
    await expect(listAlerts(n.pharmacy2.actor, { limit: 10, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('never shows another organisation’s alerts', async () => {
    const theirs = (await listAlerts(n.regulator.actor, { limit: 200 })).items.filter((a) => !a.visibleTo!.includes(n.dist2.id));
    expect(theirs.length).toBeGreaterThan(0);
    const mine = new Set((await listAlerts(n.dist2.actor, { limit: 200 })).items.map((a) => a.id));
    for (const alert of theirs) expect(mine.has(alert.id)).toBe(false);
    await expect(getAlert(n.dist2.actor, theirs[0]!.id)).rejects.toMatchObject({ code: 'alert_not_found', status: 404 });
    const { rows } = await getPool().query('SELECT count(*)::int AS n FROM alerts');
    expect(rows[0].n).toBeGreaterThan(mine.size);
  });
});
