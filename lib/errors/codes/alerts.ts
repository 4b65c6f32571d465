import type { TCodeTable } from './types';

/**
 * Recalls, alerts, webhooks (lib/recalls, lib/alerts, lib/webhooks;
 * docs/decisions/070-074). Another organisation's alert, recall or webhook
 * is answered 404 like one that does not exist.
 */
export const ALERTS_CODES = {
  alert_not_found: { status: 404, title: 'No such alert' },
  alert_transition_not_allowed: { status: 409, title: 'The alert cannot move to this status from its current one' },
  alert_resolution_required: { status: 422, title: 'Closing an alert needs a resolution, and only closing takes one' },
  recall_not_found: { status: 404, title: 'No such recall' },
  recall_closed: { status: 409, title: 'The recall is already closed' },
  recall_close_not_allowed: { status: 403, title: 'Only the organisation that opened a recall, or the regulator, may close it' },
  batch_already_recalled: { status: 409, title: 'The batch already has an open recall of the whole batch' },
  recall_serials_unknown: { status: 422, title: 'Some serials are not packs of this batch' },
  destruction_not_allowed: { status: 403, title: 'Only manufacturers and pharmacies destroy packs; a distributor returns them' },
  webhook_not_found: { status: 404, title: 'No such webhook' },
  delivery_not_found: { status: 404, title: 'No such webhook delivery' },
  webhook_url_invalid: { status: 422, title: 'The webhook URL cannot be used' },
  webhook_url_private: { status: 422, title: 'The webhook URL points at a loopback, private or reserved network address' },
  webhook_limit_reached: { status: 409, title: 'The organisation has as many webhooks as allowed' },
  webhook_key_invalid: { status: 500, title: 'The server key that encrypts webhook secrets is missing or invalid' },
} as const satisfies TCodeTable;
