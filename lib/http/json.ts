/** A JSON response; bigint values are written as strings. */
export function json(data: unknown, init?: ResponseInit & { headers?: HeadersInit }): Response {
  const headers = new Headers(init?.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  const body = JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return new Response(body, { ...init, headers });
}
