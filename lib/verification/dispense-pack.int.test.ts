import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { createTestBatch, packState, scan, testSscc, caseCode } from '@/lib/events/testing/fixtures';
import { alertsFor, createTestNetwork, snapshot, type TTestNetwork } from '@/lib/events/testing/network';
import { toBracketed } from '@/lib/gs1';
import { checkPack } from './check-pack';
import { dispensePack } from './dispense-pack';
import { insertRecall, packKey, toPharmacy } from './testing/journeys';
import { undoDispense } from './undo-dispense';

/*
 * Dispensing at the counter: verify and decommission in one action, every
 * EU FMD refusal with its code and alert, the undo and its rules, and the
 * verify-only check. One network; each test uses packs of its own.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;

beforeAll(async () => {
  n = await createTestNetwork(60);
});

describe('dispensing', () => {
  it('verifies and decommissions in one event, and says until when it can be undone', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    const before = Date.now();
    const answer = await dispensePack(n.pharmacy.actor, { code: n.code(i) });
    expect(answer).toMatchObject({ outcome: 'dispensed', pack: { gtin: n.batch.gtin, serial: n.serials[i], lot: n.batch.lot, expiry: n.batch.expiry, product: { gtin: n.batch.gtin } }, event: { duplicate: false } });
    expect(Date.parse(answer.undoUntil) - before).toBeGreaterThan(10 * 86_400_000 - 60_000);
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'DISPENSED', custodian_org_id: null, dispensed_by_id: n.pharmacy.id });
    const { rows } = await getPool().query('SELECT biz_step, disposition, org_id FROM events WHERE event_id = $1', [answer.event.eventId]);
    expect(rows[0]).toEqual({ biz_step: 'dispensing', disposition: 'dispensed', org_id: n.pharmacy.id });
  });

  it('reads the code a keyboard-wedge scanner types with a GS substitute', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    const typed = `01${n.batch.gtin}17${n.batch.expiry.slice(2, 4)}${n.batch.expiry.slice(5, 7)}${n.batch.expiry.slice(8, 10)}10${n.batch.lot}|21${n.serials[i]}`;
    expect((await dispensePack(n.pharmacy.actor, { code: typed, separator: '|' })).outcome).toBe('dispensed');
  });

  it('gives a retry with the same Idempotency-Key the first answer, without a second event or a false alert', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    const idempotency = { key: `counter-${i}-${Date.now()}`, requestHash: 'a'.repeat(64) };
    const first = await dispensePack(n.pharmacy.actor, { code: n.code(i) }, { idempotency });
    const again = await dispensePack(n.pharmacy.actor, { code: n.code(i) }, { idempotency });
    expect(again.event).toEqual(first.event);
    expect(await alertsFor(packKey(n, i))).toEqual([]);
  });

  it('refuses with each EU FMD reason code, changes nothing, and raises the alert', async () => {
    const [dispensed, stolen, destroyed, recalled, mismatched, elsewhere, transit] = [fresh(), fresh(), fresh(), fresh(), fresh(), fresh(), fresh()];
    for (const i of [dispensed, stolen, destroyed, recalled, mismatched]) await toPharmacy(n, i);
    await toPharmacy(n, elsewhere, n.pharmacy2);
    await scan(n.maker, { kind: 'ship', codes: [n.code(transit)], to: n.pharmacy.gln });
    await dispensePack(n.pharmacy.actor, { code: n.code(dispensed) });
    await scan(n.pharmacy, { kind: 'stolen', codes: [n.code(stolen)] }, { kind: 'destroy', codes: [n.code(destroyed)] });
    await scan(n.maker, { kind: 'recall', codes: [n.code(recalled)] });
    const cases: [string, string, string, RegExp][] = [
      [n.code(dispensed), 'already_dispensed', 'DISPENSED', /^Already dispensed on \d+ \w+ \d{4}\. Do not hand it out/],
      [toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: 'NEVERMADE77' }), 'unknown_serial', 'UNKNOWN', /^Unknown pack/],
      [n.code(mismatched, { lot: 'FAKE01' }), 'batch_mismatch', 'MISMATCH', /does not match this serial number/],
      [n.code(stolen), 'pack_stolen', 'STOLEN', /^Reported stolen/],
      [n.code(destroyed), 'pack_destroyed', 'DESTROYED', /^Recorded as destroyed/],
      [n.code(recalled), 'pack_recalled', 'RECALLED', /^Recalled/],
      [n.code(elsewhere), 'not_custodian', 'AUTHENTIC', /^Not in your pharmacy's stock/],
      [n.code(transit), 'in_transit', 'AUTHENTIC', /^Still on its way/],
    ];
    for (const [code, reason, verdict, sentence] of cases) {
      const before = await snapshot();
      const refusal = await dispensePack(n.pharmacy.actor, { code }).catch((e: unknown) => e);
      expect(refusal, reason).toMatchObject({ code: reason, extra: { outcome: 'refused', verdict } });
      expect((refusal as Error).message).toMatch(sentence);
      expect(await snapshot()).toEqual(before);
    }
    const mismatchRefusal = (await dispensePack(n.pharmacy.actor, { code: n.code(mismatched, { lot: 'FAKE01' }) }).catch((e: unknown) => e)) as { extra: { pack: { lot: unknown } } };
    expect(mismatchRefusal.extra.pack.lot).toBeNull();
    for (const [i, code] of [[dispensed, 'already_dispensed'], [stolen, 'pack_stolen'], [destroyed, 'pack_destroyed'], [mismatched, 'batch_mismatch'], [recalled, 'pack_recalled']] as const) {
      expect((await alertsFor(packKey(n, i))).map((a) => a.code), code).toContain(code);
    }
    expect((await alertsFor(`01/${n.batch.gtin}/21/NEVERMADE77`))[0]).toMatchObject({ code: 'unknown_serial', raised_by_org_id: n.pharmacy.id });
  });

  it('refuses an expired pack, a case code and a code without serial', async () => {
    const old = await createTestBatch(n.maker, { expiry: '2025-12-31' });
    const { serials } = await commissionBatch(n.maker.actor, old.batchId, { count: 1, eventTime: '2025-01-10T08:00:00Z' });
    const code = toBracketed({ gtin: old.gtin, lot: old.lot, expiry: old.expiry, serial: serials[0]! });
    await scan(n.maker, { kind: 'ship', codes: [code], to: n.pharmacy.gln, eventTime: '2025-02-01T08:00:00Z' });
    await scan(n.pharmacy, { kind: 'receive', codes: [code], eventTime: '2025-02-02T08:00:00Z' });
    await expect(dispensePack(n.pharmacy.actor, { code })).rejects.toMatchObject({ code: 'pack_expired', extra: { verdict: 'EXPIRED' } });
    await expect(dispensePack(n.pharmacy.actor, { code: caseCode(testSscc(n.maker.prefix)) })).rejects.toMatchObject({ code: 'not_a_pack' });
    await expect(dispensePack(n.pharmacy.actor, { code: `(01)${n.batch.gtin}(10)${n.batch.lot}` })).rejects.toMatchObject({ code: 'verify_code_incomplete' });
  });

  it('is for pharmacies only', async () => {
    const i = fresh();
    await expect(dispensePack(n.dist.actor, { code: n.code(i) })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('undoing a dispensing', () => {
  async function dispensedAt(i: number, at: Date, pharmacy = n.pharmacy) {
    await toPharmacy(n, i, pharmacy);
    await scan(pharmacy, { kind: 'dispense', codes: [n.code(i)], eventTime: at.toISOString() });
  }

  it('puts the pack back into the same pharmacy\'s stock, as an event of its own on the ledger', async () => {
    const i = fresh();
    await dispensedAt(i, new Date(Date.now() - 3 * 86_400_000));
    const answer = await undoDispense(n.pharmacy.actor, { code: n.code(i) });
    expect(answer).toMatchObject({ outcome: 'restored', pack: { serial: n.serials[i] } });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'ACTIVE', custodian_org_id: n.pharmacy.id, dispensed_by_id: null });
    const { rows } = await getPool().query('SELECT biz_step, disposition FROM events WHERE event_id = $1', [answer.event.eventId]);
    expect(rows[0]).toEqual({ biz_step: 'stocking', disposition: 'sellable_accessible' });
    expect((await dispensePack(n.pharmacy.actor, { code: n.code(i) })).outcome).toBe('dispensed');
  });

  it('is refused on day 11, to another pharmacy, and for a pack that is not dispensed', async () => {
    const [late, other, active] = [fresh(), fresh(), fresh()];
    await dispensedAt(late, new Date(Date.now() - 11 * 86_400_000));
    await expect(undoDispense(n.pharmacy.actor, { code: n.code(late) })).rejects.toMatchObject({ code: 'undo_not_allowed', status: 409 });
    await dispensedAt(other, new Date(Date.now() - 60_000));
    await expect(undoDispense(n.pharmacy2.actor, { code: n.code(other) })).rejects.toMatchObject({ code: 'undo_not_allowed' });
    await toPharmacy(n, active);
    await expect(undoDispense(n.pharmacy.actor, { code: n.code(active) })).rejects.toMatchObject({ code: 'not_dispensed', status: 409 });
    expect(await packState(n.batch.gtin, n.serials[late]!)).toMatchObject({ status: 'DISPENSED' });
  });

  it('is refused once the pack was recalled or expired meanwhile', async () => {
    const r = await createTestNetwork(3);
    for (const i of [0, 1]) {
      await toPharmacy(r, i);
      await scan(r.pharmacy, { kind: 'dispense', codes: [r.code(i)] });
    }
    // A recall of one serial leaves the dispensed pack's status alone and points it at the recall.
    await insertRecall(r, { serials: [r.serials[0]!] });
    await expect(undoDispense(r.pharmacy.actor, { code: r.code(0) })).rejects.toMatchObject({ code: 'pack_recalled' });
    // The whole batch recalled.
    await scan(r.maker, { kind: 'recall', codes: [`(01)${r.batch.gtin}(10)${r.batch.lot}`] });
    await expect(undoDispense(r.pharmacy.actor, { code: r.code(1) })).rejects.toMatchObject({ code: 'pack_recalled' });

    const e = await createTestNetwork(1);
    await toPharmacy(e, 0);
    await scan(e.pharmacy, { kind: 'dispense', codes: [e.code(0)] });
    await getPool().query(`UPDATE batches SET expiry = current_date - 1 WHERE id = $1`, [e.batch.batchId]);
    // The box's own expiry would now contradict the batch: scan the code without it.
    const withoutExpiry = toBracketed({ gtin: e.batch.gtin, lot: e.batch.lot, serial: e.serials[0]! });
    const expired = await undoDispense(e.pharmacy.actor, { code: withoutExpiry }).catch((error: unknown) => error);
    expect(expired).toMatchObject({ code: 'pack_expired' });
  });

  it('cannot be reopened by backdating the undo through the scan API', async () => {
    const i = fresh();
    const dispensed = new Date(Date.now() - 12 * 86_400_000);
    await dispensedAt(i, dispensed);
    const backdated = new Date(dispensed.getTime() + 86_400_000).toISOString();
    await expect(scan(n.pharmacy, { kind: 'restock', codes: [n.code(i)], eventTime: backdated })).rejects.toMatchObject({ code: 'undo_not_allowed' });
  });
});

describe('verify only', () => {
  it('says whether a pack in stock may be dispensed, and records nothing', async () => {
    const [mine, theirs] = [fresh(), fresh()];
    await toPharmacy(n, mine);
    await toPharmacy(n, theirs, n.pharmacy2);
    const before = await snapshot();
    expect(await checkPack(n.pharmacy.actor, { code: n.code(mine) })).toMatchObject({ outcome: 'checked', verdict: 'AUTHENTIC', dispensable: true, reason: null, inYourStock: true });
    expect(await checkPack(n.pharmacy.actor, { code: n.code(theirs) })).toMatchObject({ verdict: 'AUTHENTIC', dispensable: false, reason: 'not_custodian', inYourStock: false });
    expect(await snapshot()).toEqual(before);
    expect(await alertsFor(packKey(n, mine))).toEqual([]);
  });

  it('raises an alert when it finds what a falsified pack looks like', async () => {
    const code = toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, serial: 'SHELFFAKE9' });
    expect(await checkPack(n.dist.actor, { code })).toMatchObject({ verdict: 'UNKNOWN', reason: 'unknown_serial', pack: { lot: null } });
    expect((await alertsFor(`01/${n.batch.gtin}/21/SHELFFAKE9`))[0]).toMatchObject({ code: 'unknown_serial', raised_by_org_id: n.dist.id });
  });
});
