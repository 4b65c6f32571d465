import { z } from 'zod';

/**
 * Settings of outbound webhooks, from the environment (validated here, read
 * on every use so that a test or an operator's change applies at once):
 *
 * - WEBHOOK_SECRET_KEY: base64 of 32 random bytes, the AES-256-GCM key that
 *   encrypts webhook signing secrets at rest. Unset: generated into
 *   <DATA_DIR>/webhook-secret-key on first use (mode 0600, never committed).
 * - WEBHOOK_ALLOW_PRIVATE_URLS: "true" lets webhooks point at loopback,
 *   private and other reserved addresses, and use plain http:. Off by
 *   default: a webhook must not become a way to make the server call its
 *   own network (SSRF; docs/decisions/073). For development and tests.
 */
const ZBool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZWebhookSettings = z.object({
  WEBHOOK_SECRET_KEY: z.string().min(1).optional(),
  WEBHOOK_ALLOW_PRIVATE_URLS: ZBool.default(false),
});

export type TWebhookSettings = { secretKey: string | undefined; allowPrivateUrls: boolean };

export function webhookSettings(): TWebhookSettings {
  const present = Object.fromEntries(['WEBHOOK_SECRET_KEY', 'WEBHOOK_ALLOW_PRIVATE_URLS'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const parsed = ZWebhookSettings.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { secretKey: parsed.data.WEBHOOK_SECRET_KEY, allowPrivateUrls: parsed.data.WEBHOOK_ALLOW_PRIVATE_URLS };
}
