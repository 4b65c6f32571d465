/**
 * The origin the browser addressed: scheme and host as forwarded by a proxy
 * (Next fills both headers for direct requests too), else the request URL.
 * Used only for links we show to the same caller, never for access decisions.
 */
export function requestOrigin(headers: Headers, url?: string): string {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')?.trim();
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  return url ? new URL(url).origin : 'http://localhost';
}
