import { parseEnv } from '@/lib/env';

/**
 * Settings of outbound webhooks (validated in lib/env, read on every use so
 * that a test or an operator's change applies at once):
 *
 * - WEBHOOK_SECRET_KEY: base64 of 32 random bytes, the AES-256-GCM key that
 *   encrypts webhook signing secrets at rest. Unset: generated into
 *   <DATA_DIR>/webhook-secret-key on first use (mode 0600, never committed).
 * - WEBHOOK_ALLOW_PRIVATE_URLS: "true" lets webhooks point at loopback,
 *   private and other reserved addresses, and use plain http:. Off by
 *   default: a webhook must not become a way to make the server call its
 *   own network (SSRF; docs/decisions/073). For development and tests.
 */
export type TWebhookSettings = { secretKey: string | undefined; allowPrivateUrls: boolean };

export function webhookSettings(): TWebhookSettings {
  const env = parseEnv();
  return { secretKey: env.WEBHOOK_SECRET_KEY, allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS };
}
