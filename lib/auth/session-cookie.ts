/**
 * The session cookie (docs/decisions/010): an opaque random token, HttpOnly
 * (scripts cannot read it, so an XSS cannot carry it away), SameSite=Lax (not
 * sent on cross-site POSTs, while a link from an e-mail still arrives signed
 * in), Path=/, no Domain (this host only), Secure whenever the site is served
 * over HTTPS.
 */
export const SESSION_COOKIE = 'pt_session';

export type TCookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
};

/** Options for setting the cookie, in the shape both Next's cookies() and sessionCookieHeader accept. */
export function sessionCookieOptions(expiresAt: Date, secure: boolean, now = new Date()): TCookieOptions {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge };
}

/** A Set-Cookie header value that stores `token`, or clears the cookie when `token` is null. */
export function sessionCookieHeader(token: string | null, options: { expiresAt?: Date; secure: boolean }): string {
  const maxAge = token && options.expiresAt ? sessionCookieOptions(options.expiresAt, options.secure).maxAge : 0;
  const parts = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/', `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The session token from a Cookie header, or null. */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === SESSION_COOKIE) return pair.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * Whether the browser reached us over HTTPS: directly, or through a proxy
 * that says so (Next itself fills x-forwarded-proto for direct requests).
 */
export function isSecureRequest(headers: Headers, url?: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return url ? new URL(url).protocol === 'https:' : false;
}
