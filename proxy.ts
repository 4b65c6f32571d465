import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/auth/content-security-policy';

/**
 * Gives every HTML page its own CSP nonce (docs/decisions/013). Next reads
 * the nonce from the request's Content-Security-Policy header and puts it on
 * the scripts it renders; the browser gets the same policy on the response.
 *
 * Authentication is not decided here: pages, route handlers and server
 * actions each resolve the actor themselves, so no matcher change can
 * silently open a door.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const https = (request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(':', '')) === 'https';
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes (hot scan and verify paths, the EPCIS binding) and static files
      // skip the proxy entirely; next.config.js gives them static headers.
      source: '/((?!api/|epcis/|_next/static|_next/image|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
