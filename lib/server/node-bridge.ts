import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@/lib/errors';

/**
 * node:http to the Fetch API and back, for route handlers served outside
 * Next's router (the fast lane, lib/server/fast-lane.ts, and the fault
 * tests' route server). The request a handler sees is the one Next would
 * give it: the URL the client addressed, the same headers, and the
 * X-Forwarded-* headers Next fills in when no proxy did (the caller's
 * address in X-Forwarded-For, which lib/auth/client-ip.ts reads).
 */

/**
 * Bodies are read whole before the handler runs (hot routes take small
 * JSON bodies); past this, 413 payload_too_large without reading further.
 * Handlers apply their own, smaller limits.
 */
export const MAX_BUFFERED_BODY_BYTES = 1024 * 1024;

/** Throws AppError bad_request (a Host that makes no URL) or payload_too_large (past `maxBodyBytes`, default MAX_BUFFERED_BODY_BYTES). */
export async function webRequestOf(req: IncomingMessage, options: { port?: number; maxBodyBytes?: number } = {}): Promise<Request> {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  const forwardedProto = headers.get('x-forwarded-proto');
  const https = forwardedProto ? forwardedProto === 'https' : encrypted;
  const host = headers.get('host') ?? `localhost${options.port ? `:${options.port}` : ''}`;
  if (!headers.has('x-forwarded-host')) headers.set('x-forwarded-host', host);
  if (!headers.has('x-forwarded-port')) headers.set('x-forwarded-port', options.port ? String(options.port) : https ? '443' : '80');
  if (!headers.has('x-forwarded-proto')) headers.set('x-forwarded-proto', https ? 'https' : 'http');
  if (!headers.has('x-forwarded-for') && req.socket.remoteAddress) headers.set('x-forwarded-for', req.socket.remoteAddress);
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `${https ? 'https' : 'http'}://${host}`);
  } catch {
    throw new AppError('bad_request', 'The Host header does not name a host.');
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, options.maxBodyBytes ?? MAX_BUFFERED_BODY_BYTES);
  return new Request(url, { method, headers, body });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new AppError('payload_too_large', `The body is ${declared} bytes; the limit is ${limit}.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('payload_too_large', `The body exceeds the limit of ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  // A copy with its own ArrayBuffer (a Buffer may be a view into Node's shared pool).
  return Uint8Array.from(Buffer.concat(chunks, size));
}

/**
 * Writes a handler's Response: its status and headers, then `extra`
 * headers the handler did not set itself (the static security headers,
 * as Next adds those of next.config.js), then the body.
 */
export async function sendWebResponse(res: ServerResponse, response: Response, extra: readonly (readonly [string, string])[] = []): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of extra) headers[name] = value;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body ?? undefined);
}
