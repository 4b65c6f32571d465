import { beforeAll, describe, expect, it } from 'vitest';
import { getBatch } from '@/lib/catalog';
import { listCommissionRuns } from '@/lib/console';
import { createTestBatch, createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { openRecall } from '@/lib/recalls';
import { GET as serials } from '../serials/route';
import type { TCommissionLine } from './lines';
import { POST } from './route';

let maker: TTestOrg;
let other: TTestOrg;
let batch: { gtin: string; batchId: string; lot: string; expiry: string };

beforeAll(async () => {
  [maker, other] = await Promise.all([createTestParty('MANUFACTURER'), createTestParty('MANUFACTURER')]);
  batch = await createTestBatch(maker);
});

function commission(org: TTestOrg, batchId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request(`http://console.test/console/batches/${batchId}/commission`, { method: 'POST', headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve({ id: batchId }) });
}

async function linesOf(response: Response): Promise<TCommissionLine[]> {
  return (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as TCommissionLine);
}

describe('commissioning from the console', () => {
  it('streams rising progress, then the one commissioning event that created every pack', async () => {
    const response = await commission(maker, batch.batchId, { count: 3000 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await linesOf(response);
    const progress = lines.filter((l): l is Extract<TCommissionLine, { type: 'progress' }> => l.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));
    const done = lines.at(-1) as Extract<TCommissionLine, { type: 'done' }>;
    expect(done).toMatchObject({ type: 'done', count: 3000, duplicate: false });
    expect(await listCommissionRuns(maker.actor, batch)).toEqual([expect.objectContaining({ id: done.id, count: 3000 })]);
    expect((await getBatch(maker.actor, batch.batchId)).packs.total).toBe(3000);
  });

  it('answers a repeated request (same Idempotency-Key) as the first time, without commissioning again', async () => {
    const key = { 'idempotency-key': 'console-run-42' };
    const first = (await linesOf(await commission(maker, batch.batchId, { count: 5 }, key))).at(-1);
    const again = (await linesOf(await commission(maker, batch.batchId, { count: 5 }, key))).at(-1);
    expect(again).toEqual(first);
    expect((await getBatch(maker.actor, batch.batchId)).packs.total).toBe(3005);
  });

  it('refuses before streaming: a bad count with a problem, another manufacturer with 404', async () => {
    const bad = await commission(maker, batch.batchId, { count: 0 });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const foreign = await commission(other, batch.batchId, { count: 1 });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).code).toBe('batch_not_found');
  });

  it('reports a refusal met while working as an error line, and leaves nothing written', async () => {
    const recalled = await createTestBatch(maker);
    // A batch recalled after the form was shown: the refusal comes from the recording transaction, after the stream began.
    await openRecall(maker.actor, { batchId: recalled.batchId, class: 'II', reason: 'Test recall before commissioning.' });
    const response = await commission(maker, recalled.batchId, { count: 10 });
    expect(response.status).toBe(200);
    expect((await linesOf(response)).at(-1)).toMatchObject({ type: 'error', status: 409, code: 'batch_recalled' });
    expect((await getBatch(maker.actor, recalled.batchId)).packs.total).toBe(0);
  });
});

describe('the serial list download', () => {
  it('is a CSV attachment with every pack of the batch, for the manufacturer only', async () => {
    const response = await serials(new Request(`http://console.test/console/batches/${batch.batchId}/serials`, { headers: { authorization: `Bearer ${maker.apiKey}` } }), { params: Promise.resolve({ id: batch.batchId }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="serials-${batch.gtin}-${batch.lot}.csv"`);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3006);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[3])).size).toBe(3005);
    const refused = await serials(new Request(`http://console.test/console/batches/${batch.batchId}/serials`, { headers: { authorization: `Bearer ${other.apiKey}` } }), { params: Promise.resolve({ id: batch.batchId }) });
    expect(refused.status).toBe(404);
  });
});
