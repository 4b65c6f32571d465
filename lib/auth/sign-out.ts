import { withTransaction } from '@/lib/db';
import { recordAudit } from './audit';
import { isWellFormedToken, sha256Hex } from './tokens';

/**
 * Ends the session behind a cookie token: the row is deleted, so the cookie
 * is dead on every device even if the browser keeps it. Unknown or already
 * ended sessions are fine (signing out twice is not an error).
 */
export async function signOut(input: { sessionToken: string | null; ip: string | null }): Promise<void> {
  const token = input.sessionToken;
  if (!token || !isWellFormedToken(token)) return;
  await withTransaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string; org_id: string }>(
      `DELETE FROM sessions s USING users u WHERE s.id = $1 AND u.id = s.user_id RETURNING s.user_id, u.org_id`,
      [sha256Hex(token)],
    );
    const ended = rows[0];
    if (!ended) return;
    await recordAudit(tx, { action: 'auth.sign_out', orgId: ended.org_id, actorUserId: ended.user_id, targetType: 'user', targetId: ended.user_id, ip: input.ip });
  });
}
