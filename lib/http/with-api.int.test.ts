import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser, sessionCookie } from '@/lib/auth/test-fixtures';
import { AppError } from '@/lib/errors';
import { json } from './json';
import { withApi } from './with-api';

const URL_ = 'http://localhost/api/test';
let cookie: string;
let key: string;

beforeAll(async () => {
  const org = await createTestOrg('PHARMACY');
  cookie = sessionCookie(await createTestSession((await createTestUser(org.id, 'OPERATOR')).id));
  key = (await createTestApiKey(org.id)).key;
});

const echo = (request: Request, ctx: { actor: { kind: string }; params: unknown }) => Promise.resolve(json({ kind: ctx.actor.kind, params: ctx.params }));

describe('withApi', () => {
  it('hands the handler the resolved actor and the route params', async () => {
    const handler = withApi<{ id: string }>({ auth: 'dispense' }, echo);
    const response = await handler(new Request(URL_, { headers: { cookie } }), { params: Promise.resolve({ id: 'abc' }) });
    expect(await response.json()).toEqual({ kind: 'user', params: { id: 'abc' } });
  });

  it('answers 401 with WWW-Authenticate to anonymous callers and 403 to roles without the permission', async () => {
    const anonymous = await withApi({ auth: 'dispense' }, echo)(new Request(URL_));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated', type: '/problems/unauthenticated', instance: '/api/test' });
    const forbidden = await withApi({ auth: 'keys:manage' }, echo)(new Request(URL_, { headers: { cookie } }));
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).code).toBe('forbidden');
  });

  it('does not look at credentials on public routes, but does on optional ones', async () => {
    const stale = { cookie: sessionCookie('A'.repeat(43)) };
    expect(await (await withApi({ auth: 'public' }, echo)(new Request(URL_, { headers: stale }))).json()).toMatchObject({ kind: 'anonymous' });
    const optional = withApi({ auth: 'optional' }, echo);
    expect(await (await optional(new Request(URL_))).json()).toMatchObject({ kind: 'anonymous' });
    expect((await optional(new Request(URL_, { headers: stale }))).status).toBe(401);
    expect(await (await optional(new Request(URL_, { headers: { authorization: `Bearer ${key}` } }))).json()).toMatchObject({ kind: 'apiKey' });
  });

  it('checks the origin of cookie-authenticated mutations only; Bearer requests are exempt', async () => {
    const handler = withApi({ auth: 'events:write' }, echo);
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await handler(new Request(URL_, { method: 'POST', headers: { cookie, ...crossSite } }))).status).toBe(403);
    expect((await handler(new Request(URL_, { method: 'GET', headers: { cookie, ...crossSite } }))).status).toBe(200);
    expect((await handler(new Request(URL_, { method: 'POST', headers: { authorization: `Bearer ${key}`, ...crossSite } }))).status).toBe(200);
    expect((await handler(new Request(URL_, { method: 'POST', headers: { cookie, origin: 'http://localhost' } }))).status).toBe(200);
  });

  it('turns unexpected errors into a generic 500 that leaks nothing, and domain errors into their status', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const crash = await withApi({ auth: 'public' }, () => Promise.reject(new Error('password=hunter2 at /srv/db')))(new Request(URL_));
      expect(crash.status).toBe(500);
      expect(crash.headers.get('content-type')).toBe('application/problem+json');
      expect(await crash.text()).not.toMatch(/hunter2|srv/);
    } finally {
      console.error = original;
    }
    const throttled = await withApi({ auth: 'public' }, () => Promise.reject(new AppError('too_many_attempts', 'Wait.', { extra: { retryAfterSeconds: 61.2 } })))(new Request(URL_));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('62');
  });
});
