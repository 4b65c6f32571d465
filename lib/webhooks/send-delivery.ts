import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isBlockedAddress } from './webhook-url';

/**
 * One HTTP POST of a signed delivery. Redirects are not followed (a 3xx is a
 * failure: the receiver must give its final URL), the answer's body is not
 * read, and the whole exchange has a deadline. The
 * resolver used for the connection refuses private addresses itself, so
 * what was checked is what is connected to, even if DNS changed since the
 * webhook was saved.
 */
export type TSendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export type TSendOptions = { timeoutMs: number; allowPrivateUrls: boolean };

const USER_AGENT = 'PharmaTrace-Webhooks/1';

export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const blocked = allowPrivate ? undefined : addresses.find((a) => isBlockedAddress(a.address));
      if (blocked) return callback(Object.assign(new Error(`${hostname} resolves to ${blocked.address}, a private or reserved address`), { code: 'EPRIVATE' }), '', 4);
      if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

export function sendDelivery(url: string, headers: Record<string, string>, body: string, options: TSendOptions): Promise<TSendResult> {
  const target = new URL(url);
  // Literal addresses never reach the resolver: check them here.
  const literal = hostOf(target);
  if (!options.allowPrivateUrls && isIP(literal) && isBlockedAddress(literal)) return Promise.resolve({ ok: false, status: null, error: `${literal} is a private or reserved address` });
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: TSendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT },
        lookup: guardedLookup(options.allowPrivateUrls),
      },
      (res: IncomingMessage) => {
        // The status line is the answer; the body is not read (a receiver cannot keep the sender busy with it).
        const status = res.statusCode ?? 0;
        finish(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
        res.destroy();
      },
    );
    const deadline = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, error: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on('error', (error) => finish({ ok: false, status: null, error: describe(error) }));
    req.end(body);
  });
}

function describe(error: Error & { code?: string }): string {
  return (error.code && error.code !== 'EPRIVATE' ? `${error.code}: ` : '') + error.message.slice(0, 300);
}
