import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@/lib/errors';
import type { TWebhookSettings } from './webhook-settings';

/**
 * Where a webhook may point. A webhook makes this server send requests to an
 * address an organisation's admin chose; without a check that is a way to
 * reach the server's own loopback, the cloud metadata service
 * (169.254.169.254) or the private network behind it (SSRF). Every address
 * the host name resolves to must be a public unicast address, checked when
 * the webhook is saved and again for the very connection of each delivery
 * (send-delivery.ts), so a DNS answer that changes later (rebinding) is
 * caught too. WEBHOOK_ALLOW_PRIVATE_URLS lifts this for development.
 */
export const MAX_URL_LENGTH = 2048;

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** IPv4 addresses hidden in IPv6 ones (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), which reach the IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2] as string, 16);
  const low = parseInt(match[3] as string, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for loopback, private, link-local, shared, documentation, multicast and other reserved addresses. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address.toLowerCase());
  if (v4 !== null) return BLOCKED.check(v4, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** The URL as a webhook may use it: absolute https (http only where private URLs are allowed), no credentials, no fragment. */
export function parseWebhookUrl(text: string, settings: Pick<TWebhookSettings, 'allowPrivateUrls'>): URL {
  const invalid = (why: string) => new AppError('webhook_url_invalid', `The webhook URL ${why}.`);
  if (text.length > MAX_URL_LENGTH) throw invalid(`is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && settings.allowPrivateUrls)) throw invalid('must start with https://');
  if (url.username || url.password) throw invalid('must not carry a user name or password; authenticate deliveries by their signature');
  if (url.hash) throw invalid('must not have a #fragment');
  return url;
}

/** Host names as the resolver takes them: IPv6 literals without brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Throws webhook_url_private unless every address of the host is public (or private URLs are allowed). */
export async function assertPublicHost(url: URL, settings: Pick<TWebhookSettings, 'allowPrivateUrls'>): Promise<void> {
  if (settings.allowPrivateUrls) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  const blocked = addresses.find(isBlockedAddress);
  if (blocked !== undefined) {
    throw new AppError('webhook_url_private', `${url.hostname} resolves to ${blocked}, a loopback, private or reserved address: webhooks are sent to public addresses only.`);
  }
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new AppError('webhook_url_invalid', `The host name ${host} does not resolve.`);
  }
}
