import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { toBracketed } from '@/lib/gs1';
import { packState, scan } from '../testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '../testing/network';

/*
 * The EU FMD undo of a dispensing (a restock of a dispensed pack,
 * docs/decisions/062): only by the pharmacy that dispensed it, within 10
 * days by the server's clock, and not once the pack is recalled or expired.
 */
let n: TTestNetwork;
let next = 0;

beforeAll(async () => {
  n = await createTestNetwork(8);
});

async function dispensed(at = new Date()): Promise<number> {
  const i = next++;
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.pharmacy.gln });
  await scan(n.pharmacy, { kind: 'receive', codes: [n.code(i)] }, { kind: 'dispense', codes: [n.code(i)], eventTime: at.toISOString() });
  return i;
}

/** The pack's code without expiry: a test that moves the batch's expiry must not turn into a batch mismatch. */
const bare = (i: number) => toBracketed({ gtin: n.batch.gtin, lot: n.batch.lot, serial: n.serials[i]! });

describe('undo of a dispensing', () => {
  it('measures the 10 days up to the server clock: a backdated undo cannot reopen the window', async () => {
    const dispensedAt = new Date(Date.now() - 12 * 86_400_000);
    const i = await dispensed(dispensedAt);
    const backdated = new Date(dispensedAt.getTime() + 2 * 86_400_000).toISOString();
    await expect(scan(n.pharmacy, { kind: 'restock', codes: [n.code(i)], eventTime: backdated })).rejects.toMatchObject({ code: 'undo_not_allowed' });
    const recent = await dispensed(new Date(Date.now() - 9 * 86_400_000));
    await scan(n.pharmacy, { kind: 'restock', codes: [n.code(recent)] });
    expect(await packState(n.batch.gtin, n.serials[recent]!)).toMatchObject({ status: 'ACTIVE', custodian_org_id: n.pharmacy.id });
  });

  it('refuses a pack recalled after it was dispensed: by its own recall (recall_id) or its batch\'s', async () => {
    const alone = await dispensed();
    const { rows } = await getPool().query<{ id: string }>(
      `INSERT INTO recalls (batch_id, serials, reason, class, initiated_by_org) VALUES ($1, $2, 'Mislabelled', 'II', $3) RETURNING id`,
      [n.batch.batchId, [n.serials[alone]], n.maker.id],
    );
    await getPool().query('UPDATE packs SET recall_id = $1 WHERE gtin = $2 AND serial = $3', [rows[0]!.id, n.batch.gtin, n.serials[alone]]);
    await expect(scan(n.pharmacy, { kind: 'restock', codes: [n.code(alone)] })).rejects.toMatchObject({ code: 'pack_recalled' });
    expect(await packState(n.batch.gtin, n.serials[alone]!)).toMatchObject({ status: 'DISPENSED' });
  });

  it('refuses a pack whose batch expired after it was dispensed', async () => {
    const i = await dispensed();
    const { rows } = await getPool().query<{ expiry: string }>("SELECT to_char(expiry, 'YYYY-MM-DD') AS expiry FROM batches WHERE id = $1", [n.batch.batchId]);
    await getPool().query('UPDATE batches SET expiry = current_date - 1 WHERE id = $1', [n.batch.batchId]);
    try {
      await expect(scan(n.pharmacy, { kind: 'restock', codes: [bare(i)] })).rejects.toMatchObject({ code: 'pack_expired' });
    } finally {
      await getPool().query('UPDATE batches SET expiry = $2 WHERE id = $1', [n.batch.batchId, rows[0]!.expiry]);
    }
  });

  it('refuses every pack of a batch recalled as a whole', async () => {
    const i = await dispensed();
    await scan(n.maker, { kind: 'recall', codes: [`(01)${n.batch.gtin}(10)${n.batch.lot}`] });
    await expect(scan(n.pharmacy, { kind: 'restock', codes: [n.code(i)] })).rejects.toMatchObject({ code: 'pack_recalled' });
  });
});
