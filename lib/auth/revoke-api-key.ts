import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditActorIds, type TActor } from './actor';
import { API_KEY_COLUMNS, toApiKeySummary, type TApiKeyRow, type TApiKeySummary } from './api-key-summary';
import { recordAudit } from './audit';
import { assertCan } from './permissions';
import type { TRequestContext } from './request-context';
import { isUuid } from './uuid';

/**
 * Revokes one of the organisation's keys; it stops working on the next
 * request (keys are looked up on every request, never cached). A key of
 * another organisation is "not found", not "forbidden": its existence is
 * nobody else's business. Revoking a revoked key changes nothing.
 */
export async function revokeApiKey(actor: TActor, keyId: string, context: TRequestContext): Promise<TApiKeySummary> {
  assertCan(actor, 'keys:manage');
  if (!isUuid(keyId)) throw new AppError('not_found', 'No such API key.');
  const { actorUserId, actorKeyId } = auditActorIds(actor);
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<TApiKeyRow & { was_revoked: boolean }>(
      `WITH target AS (
         SELECT id, revoked_at IS NOT NULL AS was_revoked FROM api_keys WHERE id = $1 AND org_id = $2 FOR UPDATE
       ), k AS (
         UPDATE api_keys SET revoked_at = COALESCE(api_keys.revoked_at, now())
           FROM target WHERE api_keys.id = target.id RETURNING api_keys.*, target.was_revoked
       )
       SELECT ${API_KEY_COLUMNS}, k.was_revoked FROM k LEFT JOIN users c ON c.id = k.created_by_id`,
      [keyId, actor.orgId],
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'No such API key.');
    if (!row.was_revoked) {
      await recordAudit(tx, {
        action: 'api_key.revoke',
        orgId: actor.orgId,
        actorUserId,
        actorKeyId,
        targetType: 'api_key',
        targetId: row.id,
        ip: context.ip,
        detail: { name: row.name, prefix: row.prefix },
      });
    }
    return toApiKeySummary(row);
  });
}
