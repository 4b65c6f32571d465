import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastLane } from './fast-lane';
import { MAX_BUFFERED_BODY_BYTES } from './node-bridge';
import { readStaticHeaderRules, staticHeadersFor } from './static-headers';

/*
 * The fast lane answers a few routes before Next's router. What a client
 * sees must not depend on which of the two answered: the same security
 * headers, the same request facts for the handler, everything else left
 * to Next.
 */
const manifestDir = mkdtempSync(path.join(os.tmpdir(), 'fast-lane-'));
writeFileSync(
  path.join(manifestDir, 'routes-manifest.json'),
  JSON.stringify({
    headers: [
      { source: '/:path*', regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$', headers: [{ key: 'X-Frame-Options', value: 'DENY' }, { key: 'X-Test', value: 'everywhere' }] },
      { source: '/api/:path*', regex: '^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'" }, { key: 'X-Test', value: 'api' }] },
    ],
  }),
);

let server: http.Server;
let base: string;
const seen: Request[] = [];

beforeAll(async () => {
  const lane = createFastLane(
    [
      {
        method: 'POST',
        path: '/api/echo',
        handler: async (request) => {
          seen.push(request);
          const body = await request.text();
          return new Response(JSON.stringify({ body }), { status: 201, headers: [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']] });
        },
      },
      {
        method: 'GET',
        path: '/api/fails',
        handler: async () => {
          throw new Error('handlers answer their own errors; this one did not');
        },
      },
    ],
    { headerRules: readStaticHeaderRules(manifestDir) },
  );
  server = http.createServer((req, res) => {
    if (lane(req, res)) return;
    res.writeHead(200, { 'x-served-by': 'next' }).end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the fast lane', () => {
  it("answers its route with the handler's response plus the static headers Next would add", async () => {
    const response = await fetch(`${base}/api/echo?x=1`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ body: 'hello' });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    // A later rule wins for the same header, as in Next.
    expect(response.headers.get('x-test')).toBe('api');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('gives the handler the URL the client addressed and the X-Forwarded-* headers Next fills in', async () => {
    await fetch(`${base}/api/echo?code=(01)123`, { method: 'POST', body: '' });
    const request = seen.at(-1)!;
    expect(new URL(request.url).pathname).toBe('/api/echo');
    expect(new URL(request.url).search).toBe('?code=(01)123');
    expect(request.headers.get('x-forwarded-for')).toMatch(/127\.0\.0\.1$/);
    expect(request.headers.get('x-forwarded-proto')).toBe('http');
    expect(request.headers.get('x-forwarded-host')).toBe(new URL(base).host);
  });

  it('keeps a proxy-supplied X-Forwarded-For as it is (the rightmost entry is the trusted hop)', async () => {
    await fetch(`${base}/api/echo`, { method: 'POST', body: '', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(seen.at(-1)!.headers.get('x-forwarded-for')).toBe('203.0.113.7');
  });

  it('leaves every other method and path to Next, including near misses', async () => {
    for (const [method, url] of [['GET', '/api/echo'], ['POST', '/api/echo/'], ['POST', '/api/echoes'], ['GET', '/verify']] as const) {
      const response = await fetch(`${base}${url}`, { method });
      expect(response.headers.get('x-served-by'), `${method} ${url}`).toBe('next');
    }
  });

  it('refuses an oversized body with 413 problem+json without calling the handler', async () => {
    const before = seen.length;
    const response = await fetch(`${base}/api/echo`, { method: 'POST', body: 'x'.repeat(MAX_BUFFERED_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).code).toBe('payload_too_large');
    expect(seen.length).toBe(before);
  });

  it('answers 500 problem+json, not a dropped connection, when a handler throws', async () => {
    const response = await fetch(`${base}/api/fails`);
    expect(response.status).toBe(500);
    expect((await response.json()).code).toBe('internal');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('static headers from the build manifest', () => {
  it('refuses rules with request conditions, which the fast lane cannot apply', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fast-lane-'));
    writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify({ headers: [{ source: '/x', regex: '^/x$', headers: [], has: [{ type: 'header', key: 'k' }] }] }));
    expect(() => readStaticHeaderRules(dir)).toThrow(/has\/missing conditions/);
  });

  it('applies only the rules whose pattern matches the path', () => {
    const rules = readStaticHeaderRules(manifestDir);
    expect(staticHeadersFor(rules, '/verify')).toEqual([['x-frame-options', 'DENY'], ['x-test', 'everywhere']]);
  });
});
