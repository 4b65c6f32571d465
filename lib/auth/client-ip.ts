import { isIP } from 'node:net';

/**
 * The caller's IP address for rate limiting and audit records.
 *
 * Route handlers see no socket, only headers. Next fills X-Forwarded-For with
 * the socket address when the request has none; a reverse proxy in front
 * (the supported production setup, docs/decisions/010) appends the address it
 * saw. So the rightmost entry is the one added by the nearest hop we trust;
 * entries to its left were written by the client and may be forged.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  const candidate = last || headers.get('x-real-ip')?.trim() || '';
  const unwrapped = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(unwrapped) ? unwrapped : null;
}
