import { z } from 'zod';
import { MAX_URL_LENGTH } from './webhook-url';
import { WEBHOOK_TOPICS } from './topics';

/** Inputs and answers of the webhook routes and settings page. */
const ZTopics = z
  .array(z.enum(WEBHOOK_TOPICS))
  .min(1, 'Choose at least one kind of notification.')
  .transform((topics) => [...new Set(topics)].sort())
  .meta({ description: `What to send: ${WEBHOOK_TOPICS.join(', ')}.` });

const ZUrl = z.string().trim().min(1, 'Enter the URL that will receive the notifications.').max(MAX_URL_LENGTH).meta({ description: 'https URL of the receiver.', examples: ['https://erp.example.com/hooks/pharmatrace'] });

export const ZCreateWebhook = z.strictObject({ url: ZUrl, topics: ZTopics }).meta({ id: 'WebhookInput' });
export type TCreateWebhook = z.infer<typeof ZCreateWebhook>;

export const ZUpdateWebhook = z
  .strictObject({ url: ZUrl.optional(), topics: ZTopics.optional(), active: z.boolean().optional() })
  .refine((v) => v.url !== undefined || v.topics !== undefined || v.active !== undefined, { error: 'Send url, topics or active.' })
  .meta({ id: 'WebhookUpdate' });
export type TUpdateWebhook = z.infer<typeof ZUpdateWebhook>;

export const ZDeliveryQuery = z.strictObject({
  status: z.enum(['PENDING', 'DELIVERED', 'FAILED']).optional(),
  before: z.string().regex(/^\d{1,19}$/, 'A delivery id.').optional().meta({ description: 'Cursor: deliveries with a smaller id (the nextBefore of the previous page).' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDeliveryQuery = z.infer<typeof ZDeliveryQuery>;

export const ZWebhook = z
  .object({
    id: z.uuid(),
    url: z.string(),
    topics: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    deliveries: z.object({
      pending: z.number().int(),
      failed: z.number().int(),
      lastDeliveredAt: z.string().nullable(),
      lastError: z.string().nullable().meta({ description: 'Why the latest unsuccessful attempt failed, if the latest attempt failed.' }),
    }),
  })
  .meta({ id: 'Webhook' });
export type TWebhookView = z.infer<typeof ZWebhook>;

export const ZDelivery = z
  .object({
    id: z.string().meta({ description: 'Sent as the webhook-id header: the same on every attempt.' }),
    topic: z.string(),
    status: z.enum(['PENDING', 'DELIVERED', 'FAILED']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    payload: z.unknown().meta({ description: 'The body that is signed and sent.' }),
  })
  .meta({ id: 'WebhookDelivery' });
export type TDeliveryView = z.infer<typeof ZDelivery>;
