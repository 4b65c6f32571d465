import { randomUUID } from 'node:crypto';
import { getPool } from '@/lib/db';
import { sealSecret } from '../secret-box';
import { newWebhookSecret } from '../sign-webhook';

/**
 * Targets for the access matrix: webhooks (written directly, past the
 * per-organisation limit, since every caller needs its own target) and a
 * failed delivery to send again. Their URLs are never called: no sender runs.
 */
export async function insertTestWebhook(orgId: string): Promise<string> {
  const id = randomUUID();
  const { key } = newWebhookSecret();
  await getPool().query(`INSERT INTO webhooks (id, org_id, url, secret, topics) VALUES ($1, $2, 'https://erp.invalid/hook', $3, '{alert.raised}')`, [id, orgId, await sealSecret(key, id)]);
  return id;
}

export async function insertFailedDelivery(webhookId: string): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO webhook_deliveries (webhook_id, topic, payload, status, attempts, last_error) VALUES ($1, 'alert.raised', '{"type":"alert.raised"}', 'FAILED', 12, 'HTTP 500') RETURNING id::text AS id`,
    [webhookId],
  );
  return rows[0]!.id;
}

export async function webhookOwners(ids: string[]): Promise<Map<string, string>> {
  const { rows } = await getPool().query<{ id: string; org_id: string }>('SELECT id, org_id FROM webhooks WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.org_id]));
}
