/**
 * Where to go after signing in: a path on this site, or the console. A
 * `next` parameter is attacker-controllable (anyone can send a sign-in link),
 * so anything that could leave the site is replaced: absolute URLs,
 * protocol-relative `//host`, backslashes (browsers read `/\host` as
 * `//host`), control characters, and paths that resolve elsewhere.
 */
export const AFTER_SIGN_IN = '/console';

export function safeNextPath(next: unknown, fallback = AFTER_SIGN_IN): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'https://pharmatrace.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Back to the sign-in page would be a loop.
  if (url.pathname === '/sign-in') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
