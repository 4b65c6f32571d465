import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSession, createTestUser, sessionCookie } from '@/lib/auth/test-fixtures';
import { packState, scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { yymmddFromIso } from '@/lib/gs1';
import { ZCheckAnswer, ZDispenseAnswer, ZLvmResponse, ZUndoAnswer } from '@/lib/verification/schemas';
import { GET as lvm } from '../lvm/01/[gtin]/10/[lot]/21/[serial]/route';
import { POST as dispense } from './route';
import { POST as undo } from './undo/route';
import { POST as verify } from './verify/route';

/*
 * The counter's HTTP API as a pharmacy system calls it (Bearer key) and as
 * the console calls it (session cookie, same origin): answers in their
 * published shapes, refusals as problem+json with the reason code and the
 * verdict, cross-site requests refused.
 */
let n: TTestNetwork;
let next = 0;

beforeAll(async () => {
  n = await createTestNetwork(10);
});

async function held(): Promise<number> {
  const i = next++;
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.pharmacy.gln });
  await scan(n.pharmacy, { kind: 'receive', codes: [n.code(i)] });
  return i;
}

const post = (handler: typeof dispense, path: string, body: unknown, headers: Record<string, string>) =>
  handler(new Request(`http://counter.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));

describe('the dispensing API', () => {
  it('dispenses, refuses the second scan with the reason and the verdict, and undoes the first', async () => {
    const i = await held();
    const key = { authorization: `Bearer ${n.pharmacy.apiKey}` };
    const first = await post(dispense, '/api/v1/dispense', { code: n.code(i) }, key);
    expect(first.status).toBe(201);
    expect(ZDispenseAnswer.parse(await first.json()).pack.serial).toBe(n.serials[i]);

    const again = await post(dispense, '/api/v1/dispense', { code: n.code(i) }, key);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(await again.json()).toMatchObject({ code: 'already_dispensed', outcome: 'refused', verdict: 'DISPENSED', pack: { serial: n.serials[i] }, detail: expect.stringMatching(/^Already dispensed/) });

    const undone = await post(undo, '/api/v1/dispense/undo', { code: n.code(i) }, key);
    expect(undone.status).toBe(201);
    ZUndoAnswer.parse(await undone.json());
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'ACTIVE', custodian_org_id: n.pharmacy.id });
  });

  it('honours Idempotency-Key: a retried dispense gets the first answer', async () => {
    const i = await held();
    const headers = { authorization: `Bearer ${n.pharmacy.apiKey}`, 'idempotency-key': `retry-${i}-${Date.now()}` };
    const first = await (await post(dispense, '/api/v1/dispense', { code: n.code(i) }, headers)).json();
    const retry = await post(dispense, '/api/v1/dispense', { code: n.code(i) }, headers);
    expect(retry.status).toBe(201);
    expect((await retry.json()).event).toEqual(first.event);
  });

  it('takes the session cookie of the counter screen from the same origin, and refuses it cross-site', async () => {
    const i = await held();
    const user = await createTestUser(n.pharmacy.id, 'OPERATOR');
    const cookie = sessionCookie(await createTestSession(user.id));
    const crossSite = await post(dispense, '/api/v1/dispense', { code: n.code(i) }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).code).toBe('csrf_failed');
    const sameOrigin = await post(dispense, '/api/v1/dispense', { code: n.code(i) }, { cookie, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(201);
  });

  it('refuses an unknown body member and a GS substitute it does not know', async () => {
    const key = { authorization: `Bearer ${n.pharmacy.apiKey}` };
    expect((await post(dispense, '/api/v1/dispense', { code: n.code(0), mode: 'x' }, key)).status).toBe(422);
    expect((await post(dispense, '/api/v1/dispense', { code: n.code(0), separator: '#' }, key)).status).toBe(422);
  });

  it('verifies without dispensing', async () => {
    const i = await held();
    const response = await post(verify, '/api/v1/dispense/verify', { code: n.code(i) }, { authorization: `Bearer ${n.pharmacy.apiKey}` });
    expect(response.status).toBe(200);
    expect(ZCheckAnswer.parse(await response.json())).toMatchObject({ dispensable: true, inYourStock: true });
    expect(await packState(n.batch.gtin, n.serials[i]!)).toMatchObject({ status: 'ACTIVE' });
  });
});

describe('the saleable-returns API (GS1 LVM)', () => {
  it('reads the Digital Link path and the AI (17) query, and answers the standard message', async () => {
    const i = next++;
    const params = { gtin: n.batch.gtin, lot: n.batch.lot, serial: n.serials[i]! };
    const url = `http://counter.test/api/v1/lvm/01/${params.gtin}/10/${params.lot}/21/${params.serial}?17=${yymmddFromIso(n.batch.expiry, { ai: '17' })}&linkType=gs1:verificationService&corrUUID=0b7e6f1c-3a52-4c4e-8f7a-9d2b1e6c5a40`;
    const response = await lvm(new Request(url, { headers: { authorization: `Bearer ${n.dist.apiKey}` } }), { params: Promise.resolve(params) });
    expect(response.status).toBe(200);
    expect(ZLvmResponse.parse(await response.json())).toMatchObject({ data: { verified: true }, corrUUID: '0b7e6f1c-3a52-4c4e-8f7a-9d2b1e6c5a40', responderGLN: n.maker.gln });
    const noExpiry = await lvm(new Request(url.replace(/\?17=\d+&/, '?'), { headers: { authorization: `Bearer ${n.dist.apiKey}` } }), { params: Promise.resolve(params) });
    expect(noExpiry.status).toBe(422);
  });
});
