import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another origin
 * (docs/decisions/013). Browsers label every request with Sec-Fetch-Site, and
 * every non-GET cross-origin request with Origin; scripts and servers
 * (curl, ERP systems) send neither and are not a CSRF vector, since no
 * victim's browser is involved. So:
 *
 * - safe methods pass (they must not change state anyway);
 * - Sec-Fetch-Site decides when present: same-origin (or none: typed by the
 *   user) passes, same-site and cross-site are refused;
 * - otherwise an Origin, when present, must name this host;
 * - no Origin and no Sec-Fetch-Site: not a browser, passes.
 *
 * The host compared with is the one the browser addressed (X-Forwarded-Host
 * from a proxy, else Host, else the request URL). A cross-site page cannot
 * set these headers on a victim's request without a CORS preflight, which we
 * never grant.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get('sec-fetch-site')?.toLowerCase();
  if (site) {
    if (site === 'same-origin' || site === 'none') return;
    throw new AppError('csrf_failed', `Requests from another site are refused (Sec-Fetch-Site: ${site}).`);
  }
  const origin = request.headers.get('origin');
  if (!origin) return;
  if (originHost(origin) !== requestHost(request)) {
    throw new AppError('csrf_failed', 'Requests from another origin are refused.');
  }
}

function originHost(origin: string): string | null {
  if (origin === 'null') return null;
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

function requestHost(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwarded || request.headers.get('host')?.trim() || new URL(request.url).host;
  return host.toLowerCase();
}
