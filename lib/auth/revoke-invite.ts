import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditActorIds, type TActor } from './actor';
import { recordAudit } from './audit';
import { assertCan } from './permissions';
import type { TRequestContext } from './request-context';
import { isUuid } from './uuid';

/**
 * Withdraws a pending invite of the admin's organisation: its link expires
 * now. Accepted, expired and other organisations' invites are "not found".
 */
export async function revokeInvite(actor: TActor, inviteId: string, context: TRequestContext): Promise<void> {
  assertCan(actor, 'users:manage');
  if (!isUuid(inviteId)) throw new AppError('not_found', 'No such pending invite.');
  const { actorUserId, actorKeyId } = auditActorIds(actor);
  await withTransaction(async (tx) => {
    const { rows } = await tx.query<{ email: string }>(
      `UPDATE invites SET expires_at = now()
        WHERE id = $1 AND org_id = $2 AND accepted_at IS NULL AND expires_at > now()
        RETURNING email`,
      [inviteId, actor.orgId],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such pending invite.');
    await recordAudit(tx, {
      action: 'invite.revoke',
      orgId: actor.orgId,
      actorUserId,
      actorKeyId,
      targetType: 'invite',
      targetId: inviteId,
      ip: context.ip,
      detail: { email: rows[0].email },
    });
  });
}
