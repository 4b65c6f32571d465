import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, secretKeyOf, signWebhook, verifyWebhookSignature } from './sign-webhook';

describe('webhook signatures (Standard Webhooks)', () => {
  // The specification's own example: secret, id, timestamp and body below sign to this value
  // (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md, "Verifying webhook authenticity").
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('reproduces the known-answer signature of the specification', () => {
    expect(signWebhook(secretKeyOf(secret), id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is HMAC-SHA256 over "id.timestamp.body" with the decoded key', () => {
    const { key, text } = newWebhookSecret();
    expect(text).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKeyOf(text)).toEqual(key);
    const mac = createHmac('sha256', key).update(`a.1.{}`).digest('base64');
    expect(signWebhook(key, 'a', 1, '{}')).toBe(`v1,${mac}`);
  });

  it('accepts the right signature among several, and refuses another body, id, secret or a stale timestamp', () => {
    const { key, text } = newWebhookSecret();
    const signature = signWebhook(key, 'd1', 1000, '{"a":1}');
    const request = { id: 'd1', timestamp: '1000', signature: `v1,bm90IGl0 ${signature}`, body: '{"a":1}' };
    expect(verifyWebhookSignature(text, request, 1000)).toBe(true);
    expect(verifyWebhookSignature(text, { ...request, body: '{"a":2}' }, 1000)).toBe(false);
    expect(verifyWebhookSignature(text, { ...request, id: 'd2' }, 1000)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret().text, request, 1000)).toBe(false);
    expect(verifyWebhookSignature(text, request, 1000 + 301)).toBe(false);
    expect(verifyWebhookSignature(text, { ...request, timestamp: '1e3' }, 1000)).toBe(false);
  });
});
