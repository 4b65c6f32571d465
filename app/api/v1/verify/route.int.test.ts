import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { VERIFY_RATE } from '@/lib/verification/rate-limit';
import { ZVerdict } from '@/lib/verification/schemas';
import { GET } from './route';

/*
 * GET /api/v1/verify as apps call it: the verdict as the published schema
 * describes it, no credentials looked at, a clear 429 past the per-client
 * limit, problem+json for what cannot be read.
 */
let n: TTestNetwork;

beforeAll(async () => {
  n = await createTestNetwork(3);
  await scan(n.maker, { kind: 'ship', codes: [n.code(0)], to: n.pharmacy.gln });
  await scan(n.pharmacy, { kind: 'receive', codes: [n.code(0)] }, { kind: 'dispense', codes: [n.code(0)] });
});

const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`http://verify.test/api/v1/verify?${query}`, { headers }));

describe('GET /api/v1/verify', () => {
  it('answers the verdict in the published shape, for a pack and for a batch', async () => {
    const response = await get(`code=${encodeURIComponent(n.code(0))}`, { 'x-forwarded-for': '198.51.100.1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const verdict = ZVerdict.parse(await response.json());
    expect(verdict).toMatchObject({ kind: 'pack', verdict: 'DISPENSED' });
    const batch = await get(`gtin=${n.batch.gtin}&lot=${encodeURIComponent(n.batch.lot)}`, { 'x-forwarded-for': '198.51.100.1' });
    expect(ZVerdict.parse(await batch.json())).toMatchObject({ kind: 'batch', verdict: 'AUTHENTIC', counts: { commissioned: 3, dispensed: 1 } });
  });

  it('does not even look at credentials: a dead key still gets the public verdict', async () => {
    const response = await get(`code=${encodeURIComponent(n.code(1))}`, { authorization: 'Bearer ptk_not-a-real-key', 'x-forwarded-for': '198.51.100.2' });
    expect(response.status).toBe(200);
  });

  it('refuses an unreadable code with problem+json and the gs1 reason', async () => {
    const response = await get('code=(01)04098765000118(21)X', { 'x-forwarded-for': '198.51.100.3' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'gs1_check_digit', status: 422 });
  });

  it('answers 429 with Retry-After once a client used up its burst, and only that client', async () => {
    const flood = { 'x-forwarded-for': '198.51.100.99' };
    for (let i = 0; i < VERIFY_RATE.capacity; i++) await get('code=hello', flood);
    const limited = await get(`code=${encodeURIComponent(n.code(1))}`, flood);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    expect((await get(`code=${encodeURIComponent(n.code(1))}`, { 'x-forwarded-for': '198.51.100.100' })).status).toBe(200);
  });
});
