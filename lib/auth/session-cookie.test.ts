import { describe, expect, it } from 'vitest';
import { isSecureRequest, readSessionCookie, SESSION_COOKIE, sessionCookieHeader, sessionCookieOptions } from './session-cookie';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, site-wide, and Secure over HTTPS', () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const header = sessionCookieHeader('tok', { expiresAt, secure: true });
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE}=tok; `));
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).toContain('Secure');
    expect(header).not.toMatch(/Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/.exec(header)![1]);
    expect(maxAge).toBeGreaterThan(3590);
    expect(maxAge).toBeLessThanOrEqual(3600);
    expect(sessionCookieHeader('tok', { expiresAt, secure: false })).not.toContain('Secure');
  });

  it('is cleared with an empty value and Max-Age=0', () => {
    expect(sessionCookieHeader(null, { secure: false })).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; Max-Age=0`));
  });

  it('gives Next the same options', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(sessionCookieOptions(new Date('2026-01-01T12:00:00Z'), true, now)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: 43_200 });
  });

  it('is read back from a Cookie header among others', () => {
    expect(readSessionCookie(`a=1; ${SESSION_COOKIE}=abc; b=2`)).toBe('abc');
    expect(readSessionCookie('a=1')).toBeNull();
    expect(readSessionCookie(`${SESSION_COOKIE}=`)).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
  });

  it('knows HTTPS from the forwarded protocol or the URL', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), 'https://x.example')).toBe(false);
    expect(isSecureRequest(new Headers(), 'https://x.example')).toBe(true);
    expect(isSecureRequest(new Headers())).toBe(false);
  });
});
