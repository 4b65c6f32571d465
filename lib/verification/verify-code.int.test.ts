import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { historyOf } from '@/lib/events';
import { caseCode, createTestBatch, scan, testSscc } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { toBracketed, toDigitalLink, toSgtinUrn, withCheckDigit } from '@/lib/gs1';
import { flushLookups } from './lookup-log';
import { insertRecall, packKey, throughCaseToPharmacy, toPharmacy } from './testing/journeys';
import type { TBatchVerdict, TPackVerdict } from './types';
import { verifyCode } from './verify-code';

/*
 * Every public verdict, from real journeys recorded through the scan
 * service, and what each may and may not reveal.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;

const pack = async (code: string) => (await verifyCode({ code }, { channel: 'api' })) as TPackVerdict;

beforeAll(async () => {
  n = await createTestNetwork(40);
});

describe('pack verdicts', () => {
  it('AUTHENTIC: a pack in the chain, with product, maker, batch and its journey through a case', async () => {
    const i = fresh();
    const sscc = await throughCaseToPharmacy(n, i);
    const verdict = await pack(n.code(i));
    expect(verdict).toMatchObject({ kind: 'pack', verdict: 'AUTHENTIC', gtin: n.batch.gtin, serial: n.serials[i], key: packKey(n, i), mismatch: null, recall: null, dispensedOn: null });
    expect(verdict.batch).toEqual({ lot: n.batch.lot, expiry: n.batch.expiry, recalled: false, expired: false });
    expect(verdict.product?.name).toMatch(/^Test medicine/);
    expect(verdict.manufacturer).toEqual({ name: n.maker.name, country: 'DE' });
    expect(verdict.journey.map((s) => s.step)).toEqual(['commission', 'pack', 'ship', 'receive', 'unpack', 'ship', 'receive']);
    const viaCase = verdict.journey.filter((s) => s.throughCase);
    expect(viaCase.map((s) => [s.step, s.namedKey])).toEqual([['ship', `00/${sscc}`], ['receive', `00/${sscc}`], ['unpack', `00/${sscc}`]]);
    expect(verdict.journey[0]!.actor).toEqual({ role: 'manufacturer', country: 'DE', name: n.maker.name });
  });

  it('shows the same events as the events service history, and nothing private', async () => {
    const i = fresh();
    await throughCaseToPharmacy(n, i);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)] });
    const verdict = await pack(n.code(i));
    const history = await historyOf(getPool(), packKey(n, i));
    const { rows } = await getPool().query<{ event_id: string }>('SELECT event_id FROM events WHERE id = ANY($1::bigint[]) ORDER BY id', [history.map((h) => h.id)]);
    expect(verdict.journey.map((s) => s.eventId)).toEqual(rows.map((r) => r.event_id));
    const text = JSON.stringify(verdict);
    for (const party of [n.dist, n.pharmacy]) {
      expect(text).not.toContain(party.name);
      expect(text).not.toContain(party.gln);
      expect(text).not.toContain(party.id);
    }
    expect(verdict.journey.find((s) => s.step === 'dispense')?.actor).toEqual({ role: 'pharmacy', country: 'DE' });
  });

  it("withholds the code of a trader's case, which would name the trader, and still lists its events", async () => {
    const i = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
    await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
    const sscc = testSscc('4099999');
    await scan(n.dist, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(i)] }, { kind: 'ship', codes: [caseCode(sscc)], to: n.pharmacy.gln });
    await scan(n.pharmacy, { kind: 'receive', codes: [caseCode(sscc)] }, { kind: 'dispense', codes: [n.code(i)] });
    const verdict = await pack(n.code(i));
    expect(verdict.journey.map((s) => [s.step, s.throughCase, s.namedKey === null])).toEqual([
      ['commission', false, false],
      ['ship', false, false],
      ['receive', false, false],
      ['pack', false, false],
      ['ship', true, true],
      ['receive', true, true],
      ['dispense', false, false],
    ]);
    expect(JSON.stringify(verdict)).not.toContain(sscc);
  });

  it('reads the pack from every form of its code: element string, Digital Link with ?17=, URN, separate fields', async () => {
    const i = fresh();
    const fields = { gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: n.serials[i]! };
    const forms = [
      `]d2${toBracketed(fields).replace(/\((\d+)\)/g, (_m, ai: string) => (ai === '21' ? '\u001d21' : ai))}`,
      toDigitalLink(fields, 'https://pharmatrace.example'),
      toSgtinUrn(n.batch.gtin, n.serials[i]!, 7),
    ];
    for (const code of forms) expect((await pack(code)).verdict, code).toBe('AUTHENTIC');
    const typed = (await verifyCode({ gtin: n.batch.gtin, serial: n.serials[i], lot: n.batch.lot, expiry: n.batch.expiry.slice(0, 7) }, { channel: 'page' })) as TPackVerdict;
    expect(typed).toMatchObject({ verdict: 'AUTHENTIC', scanned: { lot: n.batch.lot, expiryMonth: n.batch.expiry.slice(0, 7) } });
  });

  it('DISPENSED: handed to a patient, with the date', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(i)], eventTime: '2026-02-03T10:00:00+01:00' });
    const verdict = await pack(n.code(i));
    expect(verdict).toMatchObject({ verdict: 'DISPENSED', dispensedOn: '2026-02-03' });
    expect(verdict.journey.at(-1)).toMatchObject({ step: 'dispense', bizStep: 'dispensing', disposition: 'dispensed' });
    expect(verdict.advice).toMatch(/If someone is selling it to you now, beware/);
  });

  it('STOLEN and DESTROYED', async () => {
    const [a, b] = [fresh(), fresh()];
    await scan(n.maker, { kind: 'stolen', codes: [n.code(a)] }, { kind: 'destroy', codes: [n.code(b)] });
    expect((await pack(n.code(a))).verdict).toBe('STOLEN');
    expect((await pack(n.code(b))).verdict).toBe('DESTROYED');
  });

  it('MISMATCH: the serial exists but the box says another lot or expiry; nothing of the genuine pack is revealed', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    const wrongLot = await pack(n.code(i, { lot: 'FAKE42' }));
    expect(wrongLot).toMatchObject({ verdict: 'MISMATCH', mismatch: { lot: true, expiry: false }, batch: null, journey: [], dispensedOn: null });
    expect(JSON.stringify(wrongLot)).not.toContain(n.batch.lot);
    const wrongExpiry = await pack(n.code(i, { expiry: '2031-06-30' }));
    expect(wrongExpiry).toMatchObject({ verdict: 'MISMATCH', mismatch: { lot: false, expiry: true } });
    expect(JSON.stringify(wrongExpiry)).not.toContain(n.batch.expiry);
    const typedMonth = (await verifyCode({ gtin: n.batch.gtin, serial: n.serials[i], expiry: '01/2031' }, { channel: 'page' })) as TPackVerdict;
    expect(typedMonth.verdict).toBe('MISMATCH');
  });

  it('UNKNOWN: a serial never commissioned, or a product nobody registered', async () => {
    const unknown = await pack(toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, serial: 'NEVERISSUED1' }));
    expect(unknown).toMatchObject({ verdict: 'UNKNOWN', batch: null, journey: [], product: { gtin: n.batch.gtin } });
    const noProduct = await pack(toBracketed({ gtin: '09506000134352', serial: 'ABC' }));
    expect(noProduct).toMatchObject({ verdict: 'UNKNOWN', product: null, manufacturer: null });
    expect(noProduct.headline).toMatch(/no manufacturer on the network makes a product with this GTIN/);
  });
});

describe('recalled and expired packs', () => {
  it('RECALLED: a pack recalled by its manufacturer, with the reason and date of the recall', async () => {
    const r = await createTestNetwork(3);
    await scan(r.maker, { kind: 'recall', codes: [r.code(0)] });
    await insertRecall(r, { serials: [r.serials[0]!], reason: 'Wrong strength printed on the label', recallClass: 'I' });
    const verdict = await pack(r.code(0));
    expect(verdict).toMatchObject({ verdict: 'RECALLED', recall: { reason: 'Wrong strength printed on the label', recallClass: 'I', open: true }, batch: { recalled: true } });
    expect(verdict.notes[0]).toMatch(/^Recalled on \d+ \w+ \d{4}: Wrong strength printed on the label$/);
  });

  it('RECALLED before DISPENSED: a dispensed pack of a batch recalled later says both', async () => {
    const r = await createTestNetwork(3);
    await toPharmacy(r, 0);
    await scan(r.pharmacy, { kind: 'dispense', codes: [r.code(0)] });
    await scan(r.maker, { kind: 'recall', codes: [`(01)${r.batch.gtin}(10)${r.batch.lot}`] });
    await insertRecall(r);
    const verdict = await pack(r.code(0));
    expect(verdict.verdict).toBe('RECALLED');
    expect(verdict.notes.join(' ')).toMatch(/It was dispensed to a patient on/);
  });

  it('EXPIRED: a pack of a batch past its expiry date', async () => {
    const r = await createTestNetwork(1);
    const old = await createTestBatch(r.maker, { expiry: '2025-06-30' });
    const { serials } = await commissionBatch(r.maker.actor, old.batchId, { count: 1, eventTime: '2025-01-10T08:00:00Z' });
    const verdict = await pack(toBracketed({ gtin: old.gtin, lot: old.lot, expiry: old.expiry, serial: serials[0]! }));
    expect(verdict).toMatchObject({ verdict: 'EXPIRED', batch: { expired: true } });
  });
});

describe('batch verdicts', () => {
  it('AUTHENTIC: product, maker, expiry, how many packs were commissioned and dispensed, and the commissioning event', async () => {
    const b = await createTestNetwork(5);
    await toPharmacy(b, 0);
    await scan(b.pharmacy, { kind: 'dispense', codes: [b.code(0)] });
    const verdict = (await verifyCode({ code: `(01)${b.batch.gtin}(10)${b.batch.lot}` }, { channel: 'page' })) as TBatchVerdict;
    expect(verdict).toMatchObject({ kind: 'batch', verdict: 'AUTHENTIC', lot: b.batch.lot, key: `01/${b.batch.gtin}/10/${b.batch.lot}`, counts: { commissioned: 5, dispensed: 1 }, batch: { expiry: b.batch.expiry, status: 'ACTIVE' } });
    expect(verdict.commissioning).toHaveLength(1);
    expect(verdict.commissioning[0]).toMatchObject({ packCount: 5, actor: { role: 'manufacturer', name: b.maker.name } });
    const { rows } = await getPool().query('SELECT biz_step, public_record FROM events WHERE event_id = $1', [verdict.commissioning[0]!.eventId]);
    expect(rows[0].biz_step).toBe('commissioning');
    expect(JSON.parse(rows[0].public_record).batch).toEqual({ gtin: b.batch.gtin, lot: b.batch.lot, expiry: b.batch.expiry });
  });

  it('a lot typed with a product picked from the list; a second commissioning is listed too', async () => {
    const b = await createTestNetwork(2);
    await commissionBatch(b.maker.actor, b.batch.batchId, { count: 3, eventTime: '2026-01-05T09:00:00Z' });
    const verdict = (await verifyCode({ gtin: b.batch.gtin, lot: b.batch.lot }, { channel: 'page' })) as TBatchVerdict;
    expect(verdict.counts).toEqual({ commissioned: 5, dispensed: 0 });
    expect(verdict.commissioning.map((c) => c.packCount).sort()).toEqual([2, 3]);
  });

  it('UNKNOWN lot, MISMATCH expiry, RECALLED batch', async () => {
    const b = await createTestNetwork(1);
    expect((await verifyCode({ gtin: b.batch.gtin, lot: 'NOSUCHLOT' }, { channel: 'api' })).verdict).toBe('UNKNOWN');
    const mismatch = (await verifyCode({ gtin: b.batch.gtin, lot: b.batch.lot, expiry: '2029-01-31' }, { channel: 'api' })) as TBatchVerdict;
    expect(mismatch).toMatchObject({ verdict: 'MISMATCH', batch: null, counts: null, commissioning: [] });
    await scan(b.maker, { kind: 'recall', codes: [`(01)${b.batch.gtin}(10)${b.batch.lot}`] });
    await insertRecall(b, { reason: 'Sterility not assured' });
    expect(await verifyCode({ gtin: b.batch.gtin, lot: b.batch.lot }, { channel: 'api' })).toMatchObject({ verdict: 'RECALLED', recall: { reason: 'Sterility not assured' } });
  });
});

describe('input that is not a pack or batch', () => {
  it('answers with the reason: a case, a product alone, nothing, a conflict, a broken code', async () => {
    await expect(verifyCode({ code: `(00)${withCheckDigit('34098765000000001')}` }, { channel: 'api' })).rejects.toMatchObject({ code: 'verify_not_a_pack', status: 422 });
    await expect(verifyCode({ code: n.batch.gtin }, { channel: 'api' })).rejects.toMatchObject({ code: 'verify_code_incomplete' });
    await expect(verifyCode({}, { channel: 'api' })).rejects.toMatchObject({ code: 'verify_input_missing' });
    await expect(verifyCode({ code: n.code(0), lot: 'OTHER' }, { channel: 'api' })).rejects.toMatchObject({ code: 'verify_input_conflict' });
    await expect(verifyCode({ code: '(01)09506000134353(21)X' }, { channel: 'api' })).rejects.toMatchObject({ code: 'gs1_check_digit' });
  });
});

describe('lookup statistics', () => {
  it('counts each lookup with its verdict and channel, and nothing about the caller', async () => {
    const serial = 'STATSPROBE01';
    await verifyCode({ code: toBracketed({ gtin: n.batch.gtin, serial }) }, { channel: 'page' });
    await flushLookups();
    const { rows } = await getPool().query('SELECT * FROM verification_lookups WHERE serial = $1', [serial]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'pack', gtin: n.batch.gtin, serial, verdict: 'UNKNOWN', channel: 'page' });
    expect(Object.keys(rows[0]).sort()).toEqual(['at', 'channel', 'gtin', 'id', 'kind', 'lot', 'serial', 'verdict']);
  });
});
