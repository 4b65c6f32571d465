import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ACTOR_ORG_COLUMNS, actorOrgOf, type TActor, type TActorOrgRow, type TUserRole } from './actor';
import { recordAudit } from './audit';
import { createSession } from './create-session';
import { hashPassword } from './password';
import type { TRequestContext } from './request-context';
import type { TAcceptInvite } from './schemas';
import { isWellFormedToken, sha256Hex } from './tokens';

type TInviteRow = { id: string; email: string; role: TUserRole } & TActorOrgRow;

export type TAcceptedInvite = { token: string; expiresAt: Date; actor: Extract<TActor, { kind: 'user' }> };

/**
 * Turns an invite into an account: the invitee chooses a name and password,
 * the user is created with the invited role, the invite is marked used, and
 * the new user is signed in, all in one transaction. The invite row is
 * locked, so two tabs accepting the same link cannot create two accounts.
 *
 * requires: `input` parsed with ZAcceptInvite.
 */
export async function acceptInvite(token: string, input: TAcceptInvite, context: TRequestContext): Promise<TAcceptedInvite> {
  if (!isWellFormedToken(token)) throw new AppError('invite_invalid');
  // The slow, memory-hard hash is computed before any row is locked.
  const passwordHash = await hashPassword(input.password);
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<TInviteRow>(
      `SELECT i.id, i.email, i.role, ${ACTOR_ORG_COLUMNS}
         FROM invites i JOIN organisations o ON o.id = i.org_id
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
        FOR UPDATE OF i`,
      [sha256Hex(token)],
    );
    const invite = rows[0];
    if (!invite) throw new AppError('invite_invalid');
    const created = await tx.query<{ id: string }>(
      `INSERT INTO users (org_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [invite.org_id, invite.email, input.name, passwordHash, invite.role],
    );
    const userId = created.rows[0]?.id;
    if (!userId) throw new AppError('conflict', `${invite.email} already has an account; sign in instead.`);
    await tx.query('UPDATE invites SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1', [invite.id, userId]);
    await recordAudit(tx, {
      action: 'invite.accept',
      orgId: invite.org_id,
      actorUserId: userId,
      targetType: 'invite',
      targetId: invite.id,
      ip: context.ip,
      detail: { email: invite.email, role: invite.role },
    });
    const session = await createSession(tx, userId);
    await tx.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [userId]);
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      actor: {
        kind: 'user',
        userId,
        userRole: invite.role,
        email: invite.email,
        name: input.name,
        ...actorOrgOf(invite),
        sessionId: session.sessionId,
      },
    };
  });
}
