import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZCreateWebhook, ZDelivery, ZDeliveryQuery, ZUpdateWebhook, ZWebhook } from './schemas';

/** Webhook settings and the delivery log in the OpenAPI document (docs/alerts.md: payloads and signature verification). */
const webhookId = { id: { description: 'Webhook id (UUID).', schema: z.uuid() } };

export const WEBHOOKS_OPERATIONS = defineOperations([
  { method: 'get', path: '/api/v1/webhooks', operationId: 'listWebhooks', summary: "The organisation's webhooks", tags: ['webhooks'], auth: 'webhooks:manage', responses: { 200: { description: 'Webhooks.', schema: z.object({ items: z.array(ZWebhook) }) } } },
  {
    method: 'post',
    path: '/api/v1/webhooks',
    operationId: 'createWebhook',
    summary: 'Register a webhook; the answer is the only time its signing secret is shown',
    description: 'The URL must be https and resolve to public addresses only (422 webhook_url_private otherwise). Deliveries are signed as Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature = v1,base64(HMAC-SHA256(secret, id.timestamp.body)).',
    tags: ['webhooks'],
    auth: 'webhooks:manage',
    body: { schema: ZCreateWebhook },
    responses: { 201: { description: 'The webhook and its secret (whsec_...).', schema: ZWebhook.extend({ secret: z.string() }) } },
    problems: [409, 422],
  },
  { method: 'get', path: '/api/v1/webhooks/{id}', operationId: 'getWebhook', summary: 'One webhook', tags: ['webhooks'], auth: 'webhooks:manage', params: webhookId, responses: { 200: { description: 'The webhook.', schema: ZWebhook } }, problems: [404] },
  {
    method: 'patch',
    path: '/api/v1/webhooks/{id}',
    operationId: 'updateWebhook',
    summary: 'Change the URL or topics, or pause and resume a webhook',
    tags: ['webhooks'],
    auth: 'webhooks:manage',
    params: webhookId,
    body: { schema: ZUpdateWebhook },
    responses: { 200: { description: 'The webhook.', schema: ZWebhook } },
    problems: [404, 422],
  },
  { method: 'delete', path: '/api/v1/webhooks/{id}', operationId: 'deleteWebhook', summary: 'Remove a webhook and its delivery log', tags: ['webhooks'], auth: 'webhooks:manage', params: webhookId, responses: { 204: { description: 'Removed.' } }, problems: [404] },
  {
    method: 'get',
    path: '/api/v1/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of a webhook, newest first',
    tags: ['webhooks'],
    auth: 'webhooks:manage',
    params: webhookId,
    query: ZDeliveryQuery,
    responses: { 200: { description: 'Deliveries.', schema: z.object({ items: z.array(ZDelivery), nextBefore: z.string().nullable() }) } },
    problems: [404, 422],
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    operationId: 'redeliverWebhook',
    summary: 'Send a delivered or failed delivery again (same webhook-id)',
    tags: ['webhooks'],
    auth: 'webhooks:manage',
    params: { ...webhookId, deliveryId: { description: 'Delivery id (decimal).' } },
    responses: { 200: { description: 'The delivery, pending again.', schema: ZDelivery } },
    problems: [404, 409],
  },
]);
