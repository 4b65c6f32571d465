/**
 * lib/webhooks: signed outbound notifications of alerts and recalls, with
 * retries and a delivery log (docs/decisions/073; docs/alerts.md).
 *
 *   createWebhook(actor, { url, topics }, { ip }): Promise<{ webhook, secret }>   the secret is shown this once
 *   listWebhooks(actor) / getWebhook(actor, id) / updateWebhook(actor, id, { url?, topics?, active? }, { ip }) / deleteWebhook(actor, id, { ip })
 *   listDeliveries(actor, webhookId, query) / redeliver(actor, webhookId, deliveryId, { ip })
 *   enqueueNotifications(tx, notifications): Promise<number>   the outbox, in the transaction of the change
 *   deliverDueWebhooks(policy?): Promise<TPassResult>          one pass of the sender
 *   startWebhookSender(): TWebhookSender                        the background sender (instrumentation.ts)
 *   signWebhook / verifyWebhookSignature                        Standard Webhooks signatures
 */
export { createWebhook, MAX_WEBHOOKS_PER_ORG } from './create-webhook';
export { deleteWebhook, getWebhook, listWebhooks, updateWebhook } from './manage-webhooks';
export { listDeliveries, redeliver } from './deliveries';
export { enqueueNotifications, type TNotification } from './enqueue-notifications';
export { deliverDueWebhooks, type TPassResult } from './deliver-due-webhooks';
export { DEFAULT_DELIVERY_POLICY, retryDelayMs, type TDeliveryPolicy } from './delivery-policy';
export { startWebhookSender, type TWebhookSender } from './start-webhook-sender';
export { newWebhookSecret, SECRET_PREFIX, secretKeyOf, signWebhook, TIMESTAMP_TOLERANCE_SECONDS, verifyWebhookSignature } from './sign-webhook';
export { isBlockedAddress } from './webhook-url';
export { WEBHOOK_TOPICS, type TWebhookTopic } from './topics';
export { ZCreateWebhook, ZDelivery, ZDeliveryQuery, ZUpdateWebhook, ZWebhook, type TCreateWebhook, type TDeliveryQuery, type TDeliveryView, type TUpdateWebhook, type TWebhookView } from './schemas';
