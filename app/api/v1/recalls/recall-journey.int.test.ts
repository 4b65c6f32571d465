import { beforeAll, describe, expect, it } from 'vitest';
import { ZAlert, ZAlertDetail, ZAlertPage, ZOverview } from '@/lib/alerts';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser, sessionCookie } from '@/lib/auth/test-fixtures';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { createTestBatch, createTestParty, packCode, scan, type TTestOrg } from '@/lib/events/testing/fixtures';
import { ZRecall, ZRecallDetail } from '@/lib/recalls';
import { GET as getAlert, PATCH as patchAlert } from '../alerts/[id]/route';
import { GET as listAlerts } from '../alerts/route';
import { POST as dispense } from '../dispense/route';
import { GET as overview } from '../overview/route';
import { GET as verify } from '../verify/route';
import { POST as close } from './[id]/close/route';
import { GET as getRecall } from './[id]/route';
import { GET as listRecalls, POST as openRecall } from './route';

/*
 * A recall told through the JSON API: an inspector recalls a batch; the
 * pharmacy's dispensing is refused and both alerts are in its inbox; the
 * public verdict is RECALLED with the reason; the alert is worked and
 * closed; the recall is closed. Answers are checked against the schemas the
 * OpenAPI document publishes.
 */
type THandler = (request: Request, ctx?: never) => Promise<Response>;

let maker: TTestOrg;
let distributor: TTestOrg;
let inspector: Record<string, string>;
let counter: Record<string, string>;
let pharmacyGln: string;

async function call(handler: THandler, headers: Record<string, string>, options: { method?: string; body?: unknown; params?: Record<string, string>; query?: string } = {}) {
  const request = new Request(`http://api.test/api/v1/x${options.query ? `?${options.query}` : ''}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { ...headers, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) } as never);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  [maker, distributor] = (await Promise.all([createTestParty('MANUFACTURER'), createTestParty('DISTRIBUTOR')])) as [TTestOrg, TTestOrg];
  const regulator = await createTestOrg('REGULATOR');
  inspector = { authorization: `Bearer ${(await createTestApiKey(regulator.id)).key}` };
  const pharmacy = await createTestOrg('PHARMACY');
  pharmacyGln = pharmacy.gln;
  const pharmacist = await createTestUser(pharmacy.id, 'OPERATOR');
  counter = { cookie: sessionCookie(await createTestSession(pharmacist.id)) };
});

describe('a recall through the API', () => {
  it('stops dispensing, reaches the holder’s inbox, shows RECALLED publicly, and is worked to its end', async () => {
    const batch = await createTestBatch(maker);
    const { serials } = await commissionBatch(maker.actor, batch.batchId, { count: 2 });
    const code = packCode(batch, serials[0]!);
    await scan(maker, { kind: 'ship', codes: [code, packCode(batch, serials[1]!)], to: distributor.gln });
    await scan(distributor, { kind: 'receive', codes: [code, packCode(batch, serials[1]!)] });
    await scan(distributor, { kind: 'ship', codes: [code], to: pharmacyGln });

    const opened = await call(openRecall, inspector, { body: { gtin: batch.gtin, lot: batch.lot, class: 'I', reason: 'Tablets contain a carcinogenic impurity above the limit.' } });
    expect(opened.status).toBe(201);
    const recall = ZRecall.parse(opened.body);
    expect(recall).toMatchObject({ scope: 'batch', status: 'OPEN', class: 'I' });

    // The pharmacy receives the pack it was sent and tries to dispense it: refused.
    const refused = await call(dispense, counter, { body: { code } });
    expect(refused).toMatchObject({ status: 409, body: { code: 'pack_recalled' } });

    const inbox = await call(listAlerts, counter, { query: 'status=OPEN' });
    const page = ZAlertPage.parse(inbox.body);
    expect(page.items.map((a) => a.code).sort()).toEqual(['pack_recalled', 'recall_stock_held']);
    const held = page.items.find((a) => a.code === 'recall_stock_held')!;
    expect(held).toMatchObject({ severity: 'CRITICAL', raisedBy: { role: 'regulator' } });
    expect(held.message).toMatch(/carcinogenic impurity.*1 is on the way to you/);

    const publicVerdict = await call(verify, {}, { query: `code=${encodeURIComponent(code)}` });
    expect(publicVerdict.body).toMatchObject({ verdict: 'RECALLED', recall: { reason: 'Tablets contain a carcinogenic impurity above the limit.', recallClass: 'I', open: true } });

    const acknowledged = await call(patchAlert, counter, { method: 'PATCH', params: { id: held.id }, body: { status: 'ACKNOWLEDGED', note: 'Quarantined on arrival.' } });
    expect(ZAlert.parse(acknowledged.body).status).toBe('ACKNOWLEDGED');
    const wrong = await call(patchAlert, counter, { method: 'PATCH', params: { id: held.id }, body: { status: 'CLOSED' } });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'alert_resolution_required' } });
    const done = await call(patchAlert, counter, { method: 'PATCH', params: { id: held.id }, body: { status: 'CLOSED', resolution: 'NO_ISSUE', note: 'Returned to the wholesaler.' } });
    expect(done.status).toBe(200);
    const detail = ZAlertDetail.parse((await call(getAlert, counter, { params: { id: held.id } })).body);
    expect(detail.changes.map((c) => c.toStatus)).toEqual(['ACKNOWLEDGED', 'CLOSED']);
    expect(detail.events).toEqual([expect.objectContaining({ eventId: recall.eventId, disposition: 'recalled' })]);

    const seen = ZRecallDetail.parse((await call(getRecall, counter, { params: { id: recall.id } })).body);
    expect(seen).toMatchObject({ affectsYou: true, yourStock: { held: 0, incoming: 1 } });
    expect(seen.serials).toBeUndefined();
    expect(ZRecall.array().parse((await call(listRecalls, counter, { query: `batchId=${batch.batchId}` })).body.items)).toHaveLength(1);

    const closed = await call(close, inspector, { params: { id: recall.id }, body: { note: 'All packs returned and destroyed.' } });
    expect(ZRecall.parse(closed.body)).toMatchObject({ status: 'CLOSED', closeNote: 'All packs returned and destroyed.' });

    const figures = ZOverview.parse((await call(overview, inspector)).body);
    expect(figures.recalls.openedInPeriod).toBeGreaterThanOrEqual(1);
    expect(figures.alerts.byCode.map((c) => c.code)).toEqual(expect.arrayContaining(['recall_stock_held', 'pack_recalled']));
    expect(figures.scans.total).toBeGreaterThan(0);
    expect((await call(overview, counter)).status).toBe(403);
  });

  it('answers bad input with problems: unknown batch 404, bad class 422, unknown alert 404', async () => {
    expect(await call(openRecall, inspector, { body: { gtin: '04098765000119', lot: 'NOPE', class: 'I', reason: 'No such batch here.' } })).toMatchObject({ status: 404, body: { code: 'batch_not_found' } });
    expect(await call(openRecall, inspector, { body: { batchId: '00000000-0000-4000-8000-000000000000', class: 'IV', reason: 'Bad class.' } })).toMatchObject({ status: 422, body: { code: 'validation_failed' } });
    expect(await call(openRecall, inspector, { body: { batchId: '00000000-0000-4000-8000-000000000000', gtin: '04098765000119', lot: 'X', class: 'I', reason: 'Both ways.' } })).toMatchObject({ status: 422 });
    expect(await call(getAlert, counter, { params: { id: '00000000-0000-4000-8000-000000000000' } })).toMatchObject({ status: 404, body: { code: 'alert_not_found' } });
    expect(await call(listAlerts, counter, { query: 'code=no_such_code' })).toMatchObject({ status: 422, body: { code: 'validation_failed' } });
    expect(await call(overview, inspector, { query: 'from=2020-01-01&to=2026-01-01' })).toMatchObject({ status: 422 });
  });
});
