import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { allocateSscc } from '@/lib/events';
import { caseCode, createTestBatch, packCode, packState, scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { closeRecall, getRecall, listRecalls, openRecall } from './index';

/*
 * Recalls: a regulator or the manufacturer recalls a batch or packs of it;
 * every affected pack, wherever it is, is RECALLED in the same transaction
 * as the ledger event that says why; each holder is told; dispensing is
 * refused; the recall can be closed, never deleted.
 */
let n: TTestNetwork;

beforeAll(async () => {
  n = await createTestNetwork(2);
});

type TBatch = Awaited<ReturnType<typeof createTestBatch>>;

/** A batch of `count` packs of the network's manufacturer. */
async function freshBatch(count: number): Promise<{ batch: TBatch; serials: string[]; code: (i: number) => string }> {
  const batch = await createTestBatch(n.maker);
  const { serials } = await commissionBatch(n.maker.actor, batch.batchId, { count });
  return { batch, serials, code: (i) => packCode(batch, serials[i]!) };
}

async function alertsOf(code: string, batchId: string) {
  const { rows } = await getPool().query<{ visible_to: string[]; message: string; severity: string; raised_by_org_id: string; event_ids: string[] }>(
    'SELECT visible_to, message, severity, raised_by_org_id, event_ids FROM alerts WHERE code = $1 AND batch_id = $2 ORDER BY message',
    [code, batchId],
  );
  return rows;
}

describe('a recall of a whole batch by the regulator', () => {
  it('recalls every pack wherever it is (shelf, case in a pallet, in transit), tells each holder, and shows on the ledger why', async () => {
    const { batch, serials, code } = await freshBatch(6);
    // 0: manufacturer's shelf. 1, 2: in a case on a pallet at the distributor. 3: in transit to the pharmacy. 4: at the pharmacy. 5: dispensed.
    const [box, pallet] = [(await allocateSscc(n.maker.actor)).sscc, (await allocateSscc(n.maker.actor)).sscc];
    await scan(n.maker, { kind: 'pack', parent: caseCode(box), codes: [code(1), code(2)] }, { kind: 'pack', parent: caseCode(pallet), codes: [caseCode(box)] });
    await scan(n.maker, { kind: 'ship', codes: [caseCode(pallet), code(3), code(4), code(5)], to: n.dist.gln });
    await scan(n.dist, { kind: 'receive', codes: [caseCode(pallet), code(3), code(4), code(5)] });
    await scan(n.dist, { kind: 'ship', codes: [code(3), code(4), code(5)], to: n.pharmacy.gln });
    await scan(n.pharmacy, { kind: 'receive', codes: [code(4), code(5)] });
    await scan(n.pharmacy, { kind: 'dispense', codes: [code(5)] });

    const recall = await openRecall(n.regulator.actor, { batchId: batch.batchId, class: 'I', reason: 'Particles found in tablets of this lot.' });
    expect(recall).toMatchObject({ scope: 'batch', class: 'I', status: 'OPEN', openedBy: { id: n.regulator.id, role: 'regulator' }, batch: { id: batch.batchId, lot: batch.lot } });

    const { rows: packs } = await getPool().query('SELECT serial, status, recall_id FROM packs WHERE batch_id = $1', [batch.batchId]);
    const bySerial = new Map(packs.map((p) => [p.serial, p]));
    for (const i of [0, 1, 2, 3, 4]) expect(bySerial.get(serials[i])).toMatchObject({ status: 'RECALLED', recall_id: recall.id });
    expect(bySerial.get(serials[5])).toMatchObject({ status: 'DISPENSED', recall_id: recall.id });
    expect((await getPool().query('SELECT status FROM batches WHERE id = $1', [batch.batchId])).rows[0].status).toBe('RECALLED');

    const { rows: events } = await getPool().query('SELECT e.public_record, e.org_id FROM recalls r JOIN events e ON e.id = r.event_id WHERE r.id = $1', [recall.id]);
    const record = JSON.parse(events[0].public_record);
    expect(record).toMatchObject({ disposition: 'recalled', bizStep: 'holding', batch: { gtin: batch.gtin, lot: batch.lot }, recall: { class: 'I', reason: 'Particles found in tablets of this lot.' }, actor: { role: 'regulator' } });
    expect(recall.eventId).toBe(record.eventId);

    const held = await alertsOf('recall_stock_held', batch.batchId);
    expect(held.map((a) => a.visible_to)).toEqual(expect.arrayContaining([[n.maker.id], [n.dist.id], [n.pharmacy.id]]));
    expect(held).toHaveLength(3);
    for (const alert of held) expect(alert).toMatchObject({ severity: 'CRITICAL', raised_by_org_id: n.regulator.id });
    const pharmacyAlert = held.find((a) => a.visible_to[0] === n.pharmacy.id)!;
    expect(pharmacyAlert.message).toMatch(/You hold 1 of its pack, and 1 is on the way to you/);
    expect(held.find((a) => a.visible_to[0] === n.dist.id)!.message).toMatch(/You hold 3 of its packs/);
    expect(await alertsOf('recall_opened', batch.batchId)).toEqual([expect.objectContaining({ visible_to: [n.maker.id] })]);

    await expect(scan(n.pharmacy, { kind: 'dispense', codes: [code(4)] })).rejects.toMatchObject({ code: 'pack_recalled', status: 409 });
    expect((await alertsOf('pack_recalled', batch.batchId))[0]).toMatchObject({ visible_to: expect.arrayContaining([n.pharmacy.id, n.maker.id]) });
    // In transit: the pharmacy may not receive it onwards to patients, but the stock can go back.
    await scan(n.pharmacy, { kind: 'receive', codes: [code(3)] });
    await scan(n.pharmacy, { kind: 'return', codes: [code(3), code(4)], to: n.dist.gln });
  });

  it('refuses a second open recall of the whole batch, and leaves nothing written when refused', async () => {
    const { batch } = await freshBatch(2);
    await openRecall(n.regulator.actor, { batchId: batch.batchId, class: 'II', reason: 'Wrong leaflet language.' });
    const before = await countRecallEvents();
    await expect(openRecall(n.maker.actor, { gtin: batch.gtin, lot: batch.lot, class: 'II', reason: 'Wrong leaflet again.' })).rejects.toMatchObject({ code: 'batch_already_recalled', status: 409 });
    expect(await countRecallEvents()).toBe(before);
  });

  it('opens exactly one recall when two are opened at the same moment', async () => {
    const { batch } = await freshBatch(3);
    const before = await countRecallEvents();
    const results = await Promise.allSettled([
      openRecall(n.regulator.actor, { batchId: batch.batchId, class: 'II', reason: 'Seal defect on the cap.' }),
      openRecall(n.maker.actor, { batchId: batch.batchId, class: 'II', reason: 'Seal defect on the cap, found by QA.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.objectContaining({ code: 'batch_already_recalled' }) });
    expect(await countRecallEvents()).toBe(before + 1);
    expect((await getPool().query('SELECT count(*)::int AS n FROM recalls WHERE batch_id = $1', [batch.batchId])).rows[0].n).toBe(1);
  });
});

describe('a recall of specific packs by the manufacturer', () => {
  it('recalls only the named packs, for its own batches; other manufacturers get 404, unknown serials 422', async () => {
    const { batch, serials } = await freshBatch(3);
    await expect(openRecall(n.maker2.actor, { batchId: batch.batchId, class: 'III', reason: 'Not my batch at all.' })).rejects.toMatchObject({ code: 'batch_not_found', status: 404 });
    await expect(openRecall(n.dist.actor, { batchId: batch.batchId, class: 'III', reason: 'Distributors do not recall.' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(openRecall(n.maker.actor, { batchId: batch.batchId, serials: [serials[0]!, 'NOSUCHSERIAL'], class: 'III', reason: 'Label smudged.' })).rejects.toMatchObject({
      code: 'recall_serials_unknown',
      errors: [expect.objectContaining({ pointer: '/serials/1' })],
    });
    const recall = await openRecall(n.maker.actor, { batchId: batch.batchId, serials: [serials[0]!], class: 'III', reason: 'Label smudged on one pack.' });
    expect(recall).toMatchObject({ scope: 'packs', serialCount: 1, serials: [serials[0]] });
    expect(await packState(batch.gtin, serials[0]!)).toMatchObject({ status: 'RECALLED' });
    expect(await packState(batch.gtin, serials[1]!)).toMatchObject({ status: 'ACTIVE' });
    expect((await getPool().query('SELECT status FROM batches WHERE id = $1', [batch.batchId])).rows[0].status).toBe('ACTIVE');
    // Others see that there is a recall, not which serials it names.
    const seenByPharmacy = await getRecall(n.pharmacy.actor, recall.id);
    expect(seenByPharmacy.serials).toBeUndefined();
    expect(seenByPharmacy).toMatchObject({ serialCount: 1, affectsYou: false, packs: {}, yourStock: { held: 0, incoming: 0 } });
    expect((await getRecall(n.maker.actor, recall.id)).packs).toEqual({ RECALLED: 1 });
  });

  it('is listed for everyone, newest first, with paging', async () => {
    const { batch } = await freshBatch(1);
    const recall = await openRecall(n.maker.actor, { batchId: batch.batchId, class: 'II', reason: 'Listed recall.' });
    const first = await listRecalls(n.pharmacy2.actor, { limit: 1 });
    expect(first.items[0]!.id).toBe(recall.id);
    const second = await listRecalls(n.pharmacy2.actor, { limit: 1, before: first.nextBefore! });
    expect(second.items[0]!.id).not.toBe(recall.id);
    expect((await listRecalls(n.pharmacy2.actor, { limit: 50, batchId: batch.batchId })).items.map((r) => r.id)).toEqual([recall.id]);
  });
});

describe('closing a recall', () => {
  it('is for the organisation that opened it or the regulator, once; the recall and its packs stay', async () => {
    const { batch, serials } = await freshBatch(1);
    const recall = await openRecall(n.maker.actor, { batchId: batch.batchId, class: 'II', reason: 'Stability out of specification.' });
    await expect(closeRecall(n.maker2.actor, recall.id, { note: 'Not mine to close.' })).rejects.toMatchObject({ code: 'recall_close_not_allowed', status: 403 });
    await expect(closeRecall(n.pharmacy.actor, recall.id, { note: 'Pharmacies cannot.' })).rejects.toMatchObject({ code: 'forbidden' });
    const closed = await closeRecall(n.regulator.actor, recall.id, { note: 'All stock returned and destroyed.' });
    expect(closed).toMatchObject({ status: 'CLOSED', closeNote: 'All stock returned and destroyed.' });
    await expect(closeRecall(n.maker.actor, recall.id, { note: 'Again.' })).rejects.toMatchObject({ code: 'recall_closed', status: 409 });
    expect(await packState(batch.gtin, serials[0]!)).toMatchObject({ status: 'RECALLED' });
    const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
    await owner.connect();
    try {
      await expect(owner.query('DELETE FROM recalls WHERE id = $1', [recall.id])).rejects.toThrow(/append-only|not allowed/);
    } finally {
      await owner.end();
    }
    await expect(getPool().query('DELETE FROM recalls WHERE id = $1', [recall.id])).rejects.toThrow(/permission denied/);
  });

  it('answers 404 for a recall that does not exist', async () => {
    await expect(closeRecall(n.regulator.actor, '00000000-0000-4000-8000-000000000000', { note: 'x' })).rejects.toMatchObject({ code: 'recall_not_found', status: 404 });
    await expect(getRecall(n.pharmacy.actor, 'not-a-uuid')).rejects.toMatchObject({ code: 'recall_not_found' });
  });
});

async function countRecallEvents(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE disposition = 'recalled'`);
  return rows[0]!.n;
}
