import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditActorIds, type TActor } from './actor';
import { recordAudit } from './audit';
import { INVITE_COLUMNS, INVITE_TTL_DAYS, toInviteSummary, type TInviteRow, type TInviteSummary } from './invite-summary';
import { assertCan } from './permissions';
import type { TRequestContext } from './request-context';
import type { TCreateInvite } from './schemas';
import { randomToken, sha256Hex } from './tokens';

/**
 * Invites someone into the admin's organisation with a role. Returns the
 * invite and its secret token, shown once (only the SHA-256 is stored). An
 * earlier pending invite for the same address in this organisation is
 * withdrawn, so only the newest link works. An address that already has an
 * account (in any organisation: one person, one account) is a 409.
 *
 * requires: `input` parsed with ZCreateInvite.
 */
export async function createInvite(actor: TActor, input: TCreateInvite, context: TRequestContext): Promise<{ invite: TInviteSummary; token: string }> {
  assertCan(actor, 'users:manage');
  const token = randomToken();
  const { actorUserId, actorKeyId } = auditActorIds(actor);
  return withTransaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM users WHERE email = $1', [input.email]);
    if (taken.rowCount) throw new AppError('conflict', `${input.email} already has an account.`);
    await tx.query(
      `UPDATE invites SET expires_at = now() WHERE org_id = $1 AND email = $2 AND accepted_at IS NULL AND expires_at > now()`,
      [actor.orgId, input.email],
    );
    const { rows } = await tx.query<TInviteRow>(
      `WITH i AS (
         INSERT INTO invites (org_id, email, role, token_hash, created_by_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING *
       )
       SELECT ${INVITE_COLUMNS} FROM i LEFT JOIN users c ON c.id = i.created_by_id`,
      [actor.orgId, input.email, input.role, sha256Hex(token), actorUserId, INVITE_TTL_DAYS],
    );
    const invite = toInviteSummary(rows[0]!);
    await recordAudit(tx, {
      action: 'invite.create',
      orgId: actor.orgId,
      actorUserId,
      actorKeyId,
      targetType: 'invite',
      targetId: invite.id,
      ip: context.ip,
      detail: { email: invite.email, role: invite.role },
    });
    return { invite, token };
  });
}
