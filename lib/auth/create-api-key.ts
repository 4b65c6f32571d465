import { withTransaction } from '@/lib/db';
import { auditActorIds, type TActor } from './actor';
import { API_KEY_COLUMNS, toApiKeySummary, type TApiKeyRow, type TApiKeySummary } from './api-key-summary';
import { recordAudit } from './audit';
import { assertCan } from './permissions';
import type { TRequestContext } from './request-context';
import type { TCreateApiKey } from './schemas';
import { randomToken, sha256Hex } from './tokens';

/** Characters of the key kept visible as its prefix: "ptk_" and 48 random bits. */
const PREFIX_LENGTH = 12;

/**
 * Creates an API key for the actor's organisation (docs/decisions/011). The
 * full key is returned this once and stored only as its SHA-256, so nobody
 * (operators, backups, a database leak) can read it back later.
 *
 * requires: `input` parsed with ZCreateApiKey.
 */
export async function createApiKey(actor: TActor, input: TCreateApiKey, context: TRequestContext): Promise<TApiKeySummary & { key: string }> {
  assertCan(actor, 'keys:manage');
  const key = `ptk_${randomToken()}`;
  const { actorUserId, actorKeyId } = auditActorIds(actor);
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<TApiKeyRow>(
      `WITH k AS (
         INSERT INTO api_keys (org_id, name, prefix, secret_hash, role, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
       )
       SELECT ${API_KEY_COLUMNS} FROM k LEFT JOIN users c ON c.id = k.created_by_id`,
      [actor.orgId, input.name, key.slice(0, PREFIX_LENGTH), sha256Hex(key), input.role, actorUserId],
    );
    const row = rows[0]!;
    await recordAudit(tx, {
      action: 'api_key.create',
      orgId: actor.orgId,
      actorUserId,
      actorKeyId,
      targetType: 'api_key',
      targetId: row.id,
      ip: context.ip,
      detail: { name: row.name, prefix: row.prefix, role: row.role },
    });
    return { ...toApiKeySummary(row), key };
  });
}
