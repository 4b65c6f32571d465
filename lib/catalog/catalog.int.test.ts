import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { SERIAL_ALPHABET, withCheckDigit } from '@/lib/gs1';
import { createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import type { TProgress } from '@/lib/events';
import { commissionBatch } from './commission-batch';
import { getProduct, listProducts } from './list-products';
import { importSerials } from './import-serials';
import { registerBatch } from './register-batch';
import { registerProduct } from './register-product';
import { ZBatchInput, ZProductInput } from './schemas';

let maker: TTestOrg;
let maker2: TTestOrg;
let pharmacy: TTestOrg;
let gtin: string;
let batchId: string;

const gtinOf = (prefix: string, item: string) => withCheckDigit(`0${prefix}${item}`);
const product = (g: string, cpl = 7) => ZProductInput.parse({ gtin: g, name: 'Ibuprofen 400 mg tablets', form: 'tablet', strength: '400 mg', packSize: 20, companyPrefixLength: cpl });

beforeAll(async () => {
  [maker, maker2, pharmacy] = await Promise.all([createTestParty('MANUFACTURER'), createTestParty('MANUFACTURER'), createTestParty('PHARMACY')]);
  gtin = gtinOf(maker.prefix!, '00011');
  await registerProduct(maker.actor, product(gtin));
  batchId = (await registerBatch(maker.actor, ZBatchInput.parse({ gtin, lot: 'IBU-01', expiry: '2029-02-28', manufacturedOn: '2026-02-01' }))).id;
});

describe('products', () => {
  it('registers GTINs under one of the organisation\'s company prefixes only, with that prefix\'s length, once', async () => {
    await expect(registerProduct(maker.actor, product(gtinOf(maker2.prefix!, '00011')))).rejects.toMatchObject({ code: 'gtin_not_yours', status: 403 });
    await expect(registerProduct(maker.actor, product(gtinOf(maker.prefix!, '00028'), 8))).rejects.toMatchObject({ code: 'company_prefix_length_mismatch' });
    await expect(registerProduct(maker.actor, product(gtin))).rejects.toMatchObject({ code: 'product_exists', status: 409 });
    await expect(registerProduct(pharmacy.actor, product(gtinOf(maker.prefix!, '00035')))).rejects.toMatchObject({ code: 'forbidden' });
    const wrongCheckDigit = gtin.slice(0, 13) + String((Number(gtin[13]) + 1) % 10);
    expect(ZProductInput.safeParse({ ...product(gtin), gtin: wrongCheckDigit }).success).toBe(false);
  });

  it('is a catalogue every organisation reads', async () => {
    expect((await listProducts(pharmacy.actor)).map((p) => p.gtin)).toContain(gtin);
    expect((await listProducts(maker2.actor, { mine: 'true' })).map((p) => p.gtin)).not.toContain(gtin);
    expect(await getProduct(pharmacy.actor, gtin)).toMatchObject({ gtin, owner: { id: maker.id } });
  });
});

describe('batches', () => {
  it('registers lots of the organisation\'s own products, each lot once, with dates that make sense', async () => {
    await expect(registerBatch(maker2.actor, { gtin, lot: 'X1', expiry: '2030-01-31' })).rejects.toMatchObject({ code: 'not_product_owner' });
    await expect(registerBatch(maker.actor, { gtin, lot: 'IBU-01', expiry: '2030-01-31' })).rejects.toMatchObject({ code: 'batch_exists' });
    expect(ZBatchInput.safeParse({ gtin, lot: 'L 1', expiry: '2030-01-31' }).success).toBe(false);
    expect(ZBatchInput.safeParse({ gtin, lot: 'L1', expiry: '2030-02-30' }).success).toBe(false);
    expect(ZBatchInput.safeParse({ gtin, lot: 'L1', expiry: '2030-01-31', manufacturedOn: '2030-02-01' }).success).toBe(false);
  });
});

describe('commissioning', () => {
  it('creates random, non-guessable serials and one commissioning event for them, reporting progress', async () => {
    const stages: TProgress[] = [];
    const result = await commissionBatch(maker.actor, batchId, { count: 500 }, { onProgress: (p) => stages.push(p) });
    expect(result.serials).toHaveLength(500);
    expect(new Set(result.serials).size).toBe(500);
    for (const serial of result.serials) expect(serial).toMatch(new RegExp(`^[${SERIAL_ALPHABET}]{12}$`));
    const { rows } = await getPool().query(
      `SELECT e.event_type, e.action, e.biz_step, e.disposition, e.private_record->'event'->'ilmd' AS ilmd, (SELECT count(*)::int FROM event_epcs WHERE event_id = e.id) AS epcs
         FROM events e WHERE e.event_id = $1`,
      [result.eventId],
    );
    expect(rows[0]).toEqual({ event_type: 'ObjectEvent', action: 'ADD', biz_step: 'commissioning', disposition: 'active', ilmd: { 'cbvmda:lotNumber': 'IBU-01', 'cbvmda:itemExpirationDate': '2029-02-28' }, epcs: 500 });
    expect(stages.at(-1)).toEqual({ stage: 'done', fraction: 1 });
    expect(stages.map((s) => s.fraction)).toEqual([...stages.map((s) => s.fraction)].sort((a, b) => a - b));
  });

  it('commissions 100,000 packs in one call, with one event', async () => {
    const { id } = await registerBatch(maker.actor, { gtin, lot: 'IBU-BIG', expiry: '2029-06-30' });
    const result = await commissionBatch(maker.actor, id, { count: 100_000 });
    const { rows } = await getPool().query('SELECT count(*)::int AS packs, count(DISTINCT p.serial)::int AS distinct_serials FROM packs p WHERE p.batch_id = $1', [id]);
    expect(rows[0]).toEqual({ packs: 100_000, distinct_serials: 100_000 });
    const events = await getPool().query(`SELECT count(*)::int AS n FROM event_epcs WHERE event_id = $1::bigint`, [result.id]);
    expect(events.rows[0].n).toBe(100_000);
  }, 120_000);

  it('is for the batch\'s manufacturer only (404 for others), and bounded', async () => {
    await expect(commissionBatch(maker2.actor, batchId, { count: 1 })).rejects.toMatchObject({ code: 'batch_not_found', status: 404 });
    await expect(commissionBatch(pharmacy.actor, batchId, { count: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(commissionBatch(maker.actor, '00000000-0000-4000-8000-000000000000', { count: 1 })).rejects.toMatchObject({ code: 'batch_not_found' });
  });
});

describe('importing serials', () => {
  it('commissions the serials of a CSV file (header, quoting, blank lines)', async () => {
    const csv = 'serial\r\nOWN-0001\r\n"OWN,0002"\r\n\r\n"OWN""3"\r\n';
    const result = await importSerials(maker.actor, batchId, csv);
    expect(result.count).toBe(3);
    const { rows } = await getPool().query(`SELECT serial FROM packs WHERE gtin = $1 AND serial LIKE 'OWN%' ORDER BY serial`, [gtin]);
    expect(rows.map((r) => r.serial)).toEqual(['OWN"3', 'OWN,0002', 'OWN-0001']);
  });

  it('lists every bad line and commissions nothing', async () => {
    const csv = ['ok-1', 'has space', 'TOO-LONG-FOR-A-SERIAL-X', 'ok-1', 'bad é', 'OWN-0001', 'a,b'].join('\n');
    const failure = importSerials(maker.actor, batchId, csv);
    await expect(failure).rejects.toMatchObject({
      code: 'serials_invalid',
      errors: [
        expect.objectContaining({ index: 2, code: 'invalid_character' }),
        expect.objectContaining({ index: 3, code: 'serial_too_long' }),
        expect.objectContaining({ index: 4, code: 'duplicate_serial' }),
        expect.objectContaining({ index: 5, code: 'invalid_character' }),
        expect.objectContaining({ index: 7, code: 'invalid_csv' }),
      ],
    });
    await expect(importSerials(maker.actor, batchId, 'OWN-0001\nnew-1\n')).rejects.toMatchObject({ errors: [expect.objectContaining({ index: 1, code: 'already_commissioned' })] });
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM packs WHERE gtin = $1 AND serial IN ('ok-1', 'new-1')`, [gtin]);
    expect(rows[0].n).toBe(0);
  });
});
