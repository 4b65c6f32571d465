import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './content-security-policy';

type THeaderRule = { source: string; headers: { key: string; value: string }[] };
const nextConfig = createRequire(import.meta.url)('../../next.config.js') as { headers: () => Promise<THeaderRule[]> };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

describe('the page Content-Security-Policy', () => {
  it('runs only scripts that carry the nonce, and forbids framing, plugins and base rewriting', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc', dev: false, https: true }));
    expect(csp.get('script-src')).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp.get('style-src')).toBe("'self' 'nonce-abc'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
  });

  it("allows 'unsafe-eval' and inline styles in development only, and upgrades requests over HTTPS only", () => {
    const prod = contentSecurityPolicy({ nonce: 'n', dev: false, https: false });
    const dev = contentSecurityPolicy({ nonce: 'n', dev: true, https: false });
    expect(prod).not.toContain('unsafe-eval');
    expect(prod).not.toContain('unsafe-inline');
    expect(prod).not.toContain('upgrade-insecure-requests');
    expect(dev).toContain("'unsafe-eval'");
  });

  it('uses a fresh 128-bit nonce every time', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe('static security headers (next.config.js)', () => {
  it('apply to every path: nosniff, referrer, camera for this site only, no framing', async () => {
    const rules = await nextConfig.headers();
    const all = rules.find((r) => r.source === '/:path*')!;
    const get = (key: string) => all.headers.find((h) => h.key === key)?.value;
    expect(get('X-Content-Type-Options')).toBe('nosniff');
    expect(get('Referrer-Policy')).toBe('same-origin');
    expect(get('Permissions-Policy')).toContain('camera=(self)');
    expect(get('Permissions-Policy')).toContain('microphone=()');
    expect(get('X-Frame-Options')).toBe('DENY');
  });

  it.each(['/api/:path*', '/epcis/:path*'])('give API answers (%s) a policy that allows nothing to render', async (source) => {
    const rules = await nextConfig.headers();
    const api = rules.find((r) => r.source === source)!;
    expect(api.headers.find((h) => h.key === 'Content-Security-Policy')?.value).toMatch(/^default-src 'none'.*frame-ancestors 'none'/);
  });
});
