/**
 * What a webhook can be told about. Each delivery's body is
 * { "type": <topic>, "timestamp": <ISO-8601>, "data": <the alert or recall as the receiving organisation sees it> }
 * (docs/alerts.md).
 */
export const WEBHOOK_TOPICS = ['alert.raised', 'alert.updated', 'recall.opened', 'recall.closed'] as const;

export type TWebhookTopic = (typeof WEBHOOK_TOPICS)[number];
