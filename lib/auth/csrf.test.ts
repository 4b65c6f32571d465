import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { assertSameOrigin } from './csrf';

function verdict(method: string, headers: Record<string, string>, url = 'https://trace.example.org/api/v1/api-keys'): string {
  try {
    assertSameOrigin(new Request(url, { method, headers }));
    return 'allowed';
  } catch (error) {
    return isAppError(error) ? error.code : 'crashed';
  }
}

describe('assertSameOrigin', () => {
  it('lets same-origin browser requests through', () => {
    expect(verdict('POST', { 'sec-fetch-site': 'same-origin', origin: 'https://trace.example.org' })).toBe('allowed');
    expect(verdict('DELETE', { origin: 'https://trace.example.org', host: 'trace.example.org' })).toBe('allowed');
  });

  it('refuses cross-site and same-site (sibling subdomain) mutations', () => {
    expect(verdict('POST', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe('csrf_failed');
    expect(verdict('POST', { 'sec-fetch-site': 'same-site', origin: 'https://shop.example.org' })).toBe('csrf_failed');
    expect(verdict('PATCH', { origin: 'https://evil.example', host: 'trace.example.org' })).toBe('csrf_failed');
    expect(verdict('POST', { origin: 'null', host: 'trace.example.org' })).toBe('csrf_failed');
  });

  it('compares with the host the browser addressed, as forwarded by a proxy', () => {
    const internal = 'http://127.0.0.1:3000/api/v1/session';
    expect(verdict('POST', { origin: 'https://trace.example.org', host: '127.0.0.1:3000', 'x-forwarded-host': 'trace.example.org' }, internal)).toBe('allowed');
    expect(verdict('POST', { origin: 'https://trace.example.org:8443', host: 'trace.example.org' })).toBe('csrf_failed');
  });

  it('lets safe methods and non-browser clients (no Origin, no Sec-Fetch-Site) through', () => {
    expect(verdict('GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe('allowed');
    expect(verdict('POST', {})).toBe('allowed');
  });
});
