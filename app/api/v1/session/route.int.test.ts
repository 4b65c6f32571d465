import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS, DEMO_PASSWORD } from '@/prisma/demo-data';
import { seedDemo } from '@/prisma/seed';
import { DELETE as revokeKey } from '../api-keys/[id]/route';
import { POST as createKey } from '../api-keys/route';
import { GET as me } from '../me/route';
import { DELETE, POST } from './route';

const BASE = 'http://localhost:3100';

beforeAll(async () => {
  await seedDemo();
});

function signInRequest(email: string, password: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
function cookieOf(response: Response): string {
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('POST /api/v1/session', () => {
  it.each(DEMO_ORGS.flatMap((org) => org.users.map((u) => [u.email, org.name] as const)))('signs in the demo user %s of %s', async (email, orgName) => {
    const response = await POST(signInRequest(email, DEMO_PASSWORD));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.organisation.name).toBe(orgName);
    expect(body.user.email).toBe(email);
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^pt_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const whoami = await me(new Request(`${BASE}/api/v1/me`, { headers: { cookie: cookieOf(response) } }));
    expect(whoami.status).toBe(200);
    expect((await whoami.json()).user.email).toBe(email);
  });

  it('sets a Secure cookie when the site is reached over HTTPS', async () => {
    const response = await POST(signInRequest('inspector@nmva.example', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' }));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password with a uniform 401 problem', async () => {
    const response = await POST(signInRequest('qa@lusitania.example', 'not-the-password', { 'x-forwarded-for': '192.0.2.201' }));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('throttles brute force with 429 too_many_attempts and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await POST(signInRequest('warehouse@centrale.example', `guess-${i}`, { 'x-forwarded-for': `192.0.2.${210 + i}` }))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const response = await POST(signInRequest('warehouse@centrale.example', DEMO_PASSWORD, { 'x-forwarded-for': '192.0.2.220' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: 'too_many_attempts', status: 429 });
    expect(problem.detail).toMatch(/wait \d+ minutes?/i);
  });

  it('refuses malformed bodies with 4xx problems, never 500', async () => {
    const notJson = await POST(new Request(`${BASE}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }));
    expect(notJson.status).toBe(400);
    const missing = await POST(new Request(`${BASE}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"x"}' }));
    expect(missing.status).toBe(422);
    const form = await POST(new Request(`${BASE}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a' }));
    expect(form.status).toBe(415);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const response = await POST(signInRequest('qa@nordwind.example', DEMO_PASSWORD, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('csrf_failed');
  });
});

describe('DELETE /api/v1/session', () => {
  it('ends the session server-side, so the old cookie no longer works anywhere', async () => {
    const cookie = cookieOf(await POST(signInRequest('counter@pharmacie-parc.example', DEMO_PASSWORD)));
    const out = await DELETE(new Request(`${BASE}/api/v1/session`, { method: 'DELETE', headers: { cookie, origin: BASE } }));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pt_session=; Path=\/; Max-Age=0/);
    const after = await me(new Request(`${BASE}/api/v1/me`, { headers: { cookie } }));
    expect(after.status).toBe(401);
    expect((await after.json()).code).toBe('session_expired');
  });
});

describe('an API key created by a demo admin', () => {
  it('works for API calls and stops working once revoked', async () => {
    const cookie = cookieOf(await POST(signInRequest('counter@apotheke-markt.example', DEMO_PASSWORD)));
    const created = await createKey(
      new Request(`${BASE}/api/v1/api-keys`, {
        method: 'POST',
        headers: { cookie, origin: BASE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Counter scanner 1' }),
      }),
    );
    expect(created.status).toBe(201);
    const { id, key } = await created.json();
    const bearer = { authorization: `Bearer ${key}` };
    const whoami = await me(new Request(`${BASE}/api/v1/me`, { headers: bearer }));
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toMatchObject({ kind: 'apiKey', role: 'OPERATOR', organisation: { name: 'Apotheke am Markt', role: 'PHARMACY' } });

    const revoked = await revokeKey(new Request(`${BASE}/api/v1/api-keys/${id}`, { method: 'DELETE', headers: { cookie, origin: BASE } }), {
      params: Promise.resolve({ id }),
    });
    expect(revoked.status).toBe(200);
    const refused = await me(new Request(`${BASE}/api/v1/me`, { headers: bearer }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await refused.json()).toMatchObject({ code: 'api_key_invalid' });
  });

  it('cannot be created from another site with the admin cookie (CSRF)', async () => {
    const cookie = cookieOf(await POST(signInRequest('qa@nordwind.example', DEMO_PASSWORD)));
    const response = await createKey(
      new Request(`${BASE}/api/v1/api-keys`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'stolen' }),
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('csrf_failed');
  });
});
