import { normaliseError, toProblem } from '@/lib/errors';

/** The one place a thrown value becomes an HTTP error response. */
export function problemResponse(error: unknown, request?: Request, headers?: HeadersInit): Response {
  const appError = normaliseError(error);
  if (appError.code === 'internal') {
    console.error(`[error] ${request?.method ?? ''} ${request ? new URL(request.url).pathname : ''}`, error);
  }
  const instance = request ? new URL(request.url).pathname : undefined;
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/problem+json');
  responseHeaders.set('cache-control', 'no-store');
  if (appError.code === 'db_unavailable') responseHeaders.set('retry-after', '5');
  return new Response(JSON.stringify(toProblem(appError, instance)), { status: appError.status, headers: responseHeaders });
}
