import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signatures as the Standard Webhooks specification defines them
 * (https://www.standardwebhooks.com), so receivers can use its libraries:
 *
 *   webhook-id:        the delivery's id (the same on every retry: dedupe on it)
 *   webhook-timestamp: Unix seconds when this attempt was sent
 *   webhook-signature: "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
 *
 * The secret is shown once as "whsec_" + base64(key), key = 32 random bytes.
 * The timestamp is signed, so a receiver that refuses timestamps more than a
 * few minutes old cannot be fed a recorded delivery again.
 */
export const SECRET_PREFIX = 'whsec_';

/** Default tolerance of a receiver for the signed timestamp (Standard Webhooks suggests five minutes). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): { key: Buffer; text: string } {
  const key = randomBytes(32);
  return { key, text: `${SECRET_PREFIX}${key.toString('base64')}` };
}

/** The HMAC key inside a "whsec_..." secret. */
export function secretKeyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** requires: timestamp is whole Unix seconds. */
export function signWebhook(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64')}`;
}

export type TSignedRequest = { id: string; timestamp: string; signature: string; body: string };

/**
 * A receiver's check: the timestamp is recent and one of the signatures
 * (space-separated "v1,<base64>" entries, several during a secret rotation)
 * is the HMAC of this exact body. Constant-time comparison.
 */
export function verifyWebhookSignature(secret: string, request: TSignedRequest, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const timestamp = Number(request.timestamp);
  if (!/^\d{1,12}$/.test(request.timestamp) || Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secretKeyOf(secret), request.id, timestamp, request.body).slice(3), 'base64');
  return request.signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
