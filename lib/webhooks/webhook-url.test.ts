import { describe, expect, it } from 'vitest';
import { assertPublicHost, isBlockedAddress, parseWebhookUrl } from './webhook-url';

const strict = { allowPrivateUrls: false };
const lax = { allowPrivateUrls: true };

describe('webhook destinations', () => {
  it('blocks loopback, private, link-local, metadata, reserved and IPv4-in-IPv6 addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '::ffff:10.0.0.1']) {
      expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    }
  });

  it('lets public addresses through', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1']) {
      expect([address, isBlockedAddress(address)]).toEqual([address, false]);
    }
  });

  it('wants absolute https URLs without credentials or fragments; http only where private URLs are allowed', () => {
    expect(parseWebhookUrl('https://erp.example.com/hooks/pt?x=1', strict).href).toBe('https://erp.example.com/hooks/pt?x=1');
    for (const bad of ['erp.example.com/hook', 'ftp://erp.example.com/', 'http://erp.example.com/', 'https://user:pw@erp.example.com/', 'https://erp.example.com/#a', `https://e.example/${'a'.repeat(2048)}`]) {
      expect(() => parseWebhookUrl(bad, strict)).toThrow(expect.objectContaining({ code: 'webhook_url_invalid' }));
    }
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook', lax).port).toBe('8080');
  });

  it('refuses hosts that are, or resolve to, private addresses unless allowed', async () => {
    for (const url of ['https://127.0.0.1/', 'https://[::1]:8443/', 'https://localhost/', 'https://169.254.169.254/latest/meta-data']) {
      await expect(assertPublicHost(new URL(url), strict)).rejects.toMatchObject({ code: 'webhook_url_private', status: 422 });
    }
    await expect(assertPublicHost(new URL('https://localhost/'), lax)).resolves.toBeUndefined();
    await expect(assertPublicHost(new URL('https://8.8.8.8/'), strict)).resolves.toBeUndefined();
  });
});
