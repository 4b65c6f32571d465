import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from './sign-webhook';

/**
 * The receiver's example in docs/alerts.md is code people copy: it must
 * accept what the sender signs and refuse what it must refuse.
 */
type TVerify = (secret: string, headers: Record<string, string>, rawBody: string) => boolean;

function exampleFromDocs(): TVerify {
  const doc = readFileSync(path.join(process.cwd(), 'docs', 'alerts.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Verifying a delivery'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/alerts.md has no js example under "Verifying a delivery"');
  const body = code.replace(/^import .*$/m, '');
  return new Function('createHmac', 'timingSafeEqual', `${body}\nreturn verifyPharmaTrace;`)(createHmac, timingSafeEqual) as TVerify;
}

describe('the signature check in docs/alerts.md', () => {
  const verify = exampleFromDocs();
  const { key, text } = newWebhookSecret();
  const body = '{"type":"alert.raised","data":{"id":"a"}}';
  const now = Math.floor(Date.now() / 1000);
  const headers = { 'webhook-id': '42', 'webhook-timestamp': String(now), 'webhook-signature': signWebhook(key, '42', now, body) };

  it('accepts a delivery the sender signed', () => {
    expect(verify(text, headers, body)).toBe(true);
  });

  it('refuses another body, another id, another secret and an old timestamp', () => {
    expect(verify(text, headers, body.replace('"a"', '"b"'))).toBe(false);
    expect(verify(text, { ...headers, 'webhook-id': '43' }, body)).toBe(false);
    expect(verify(newWebhookSecret().text, headers, body)).toBe(false);
    const old = now - 600;
    expect(verify(text, { ...headers, 'webhook-timestamp': String(old), 'webhook-signature': signWebhook(key, '42', old, body) }, body)).toBe(false);
  });
});
