import { getPool } from '@/lib/db';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs, type TDeliveryPolicy } from './delivery-policy';
import { openSecret } from './secret-box';
import { sendDelivery, type TSendResult } from './send-delivery';
import { signWebhook } from './sign-webhook';
import { webhookSettings } from './webhook-settings';

/**
 * One pass of the sender: for every active webhook with a delivery due,
 * sends its deliveries strictly in id order. Only the oldest pending
 * delivery of a webhook is ever sent; while it waits for a retry the later
 * ones wait behind it, so a receiver sees notifications in the order they
 * happened. A delivery is claimed with a conditional UPDATE (attempts + 1,
 * next attempt pushed out by the lease) before it is sent, so any number of
 * senders (app instances) never send the same attempt twice, and a sender
 * that dies mid-way only delays it by the lease. Delivery is at least once:
 * receivers dedupe on webhook-id.
 */
export type TPassResult = { attempted: number; delivered: number; failed: number };

// next_attempt_at is stored to the millisecond, rounded to the nearest: a delivery enqueued less than
// half a millisecond ago can read as later than now(). Both sides are compared at the same precision.

type TClaimed = { id: string; webhook_id: string; topic: string; body: string; attempts: number; url: string; secret: Buffer };

export async function deliverDueWebhooks(policy: TDeliveryPolicy = DEFAULT_DELIVERY_POLICY): Promise<TPassResult> {
  const { rows } = await getPool().query<{ webhook_id: string }>(
    `SELECT DISTINCT d.webhook_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()::timestamptz(3) AND w.active LIMIT 200`,
  );
  const result: TPassResult = { attempted: 0, delivered: 0, failed: 0 };
  const queue = rows.map((r) => r.webhook_id);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await drainWebhook(id, policy, result);
  };
  await Promise.all(Array.from({ length: Math.min(policy.concurrency, queue.length) }, worker));
  return result;
}

async function drainWebhook(webhookId: string, policy: TDeliveryPolicy, result: TPassResult): Promise<void> {
  for (let sent = 0; sent < policy.perWebhook; sent++) {
    const claimed = await claimHead(webhookId, policy);
    if (!claimed) return;
    result.attempted++;
    const outcome = await attempt(claimed, policy);
    const status = await recordOutcome(claimed, outcome, policy);
    if (status === 'DELIVERED') result.delivered++;
    if (status === 'FAILED') result.failed++;
    // The head failed: everything behind it waits for its retry.
    if (!outcome.ok) return;
  }
}

async function claimHead(webhookId: string, policy: TDeliveryPolicy): Promise<TClaimed | null> {
  const { rows } = await getPool().query<TClaimed>(
    `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       FROM webhooks w
      WHERE d.id = (SELECT min(id) FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'PENDING')
        AND d.status = 'PENDING' AND d.next_attempt_at <= now()::timestamptz(3) AND w.id = d.webhook_id AND w.active
      RETURNING d.id::text AS id, d.webhook_id, d.topic, d.payload::text AS body, d.attempts, w.url, w.secret`,
    [webhookId, policy.leaseMs],
  );
  return rows[0] ?? null;
}

async function attempt(claimed: TClaimed, policy: TDeliveryPolicy): Promise<TSendResult> {
  let key: Buffer;
  try {
    key = await openSecret(claimed.secret, claimed.webhook_id);
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.message : 'the signing secret cannot be read' };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = { 'webhook-id': claimed.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(key, claimed.id, timestamp, claimed.body) };
  key.fill(0);
  return sendDelivery(claimed.url, headers, claimed.body, { timeoutMs: policy.timeoutMs, allowPrivateUrls: webhookSettings().allowPrivateUrls });
}

/** Writes the attempt's outcome, unless another sender already took the delivery over after this one's lease ran out. */
async function recordOutcome(claimed: TClaimed, outcome: TSendResult, policy: TDeliveryPolicy): Promise<'DELIVERED' | 'PENDING' | 'FAILED'> {
  const status = outcome.ok ? 'DELIVERED' : claimed.attempts >= policy.maxAttempts ? 'FAILED' : 'PENDING';
  const delayMs = status === 'PENDING' ? retryDelayMs(policy, claimed.attempts) : 0;
  await getPool().query(
    `UPDATE webhook_deliveries SET status = $3::delivery_status, last_status_code = $4, last_error = $5,
            delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE delivered_at END,
            next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $6::double precision / 1000) ELSE next_attempt_at END
      WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
    [claimed.id, claimed.attempts, status, outcome.status, outcome.ok ? null : outcome.error, delayMs],
  );
  return status;
}
