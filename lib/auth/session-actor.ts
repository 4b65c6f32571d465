import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ACTOR_ORG_COLUMNS, actorOrgOf, type TActor, type TActorOrgRow, type TUserRole } from './actor';
import { isWellFormedToken, sha256Hex } from './tokens';

type TSessionRow = {
  session_id: string;
  expired: boolean;
  seen_stale: boolean;
  user_id: string;
  email: string;
  name: string;
  user_role: TUserRole;
  active: boolean;
} & TActorOrgRow;

/** Seconds between writes of sessions.last_seen_at: the column is for people reviewing activity, not for expiry. */
const SEEN_WRITE_INTERVAL_SECONDS = 60;

/**
 * The signed-in user behind a session cookie, in one indexed query. A token
 * that is malformed, unknown, expired, or whose user was deactivated is
 * refused with `session_expired`: the caller sent credentials, so it must not
 * silently fall back to anonymous.
 */
export async function actorFromSession(token: string): Promise<Extract<TActor, { kind: 'user' }>> {
  if (!isWellFormedToken(token)) throw new AppError('session_expired');
  const sessionId = sha256Hex(token);
  const { rows } = await getPool().query<TSessionRow>(
    `SELECT s.id AS session_id, s.expires_at <= now() AS expired,
            s.last_seen_at < now() - make_interval(secs => $2) AS seen_stale,
            u.id AS user_id, u.email, u.name, u.role AS user_role, u.active,
            ${ACTOR_ORG_COLUMNS}
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = u.org_id
      WHERE s.id = $1`,
    [sessionId, SEEN_WRITE_INTERVAL_SECONDS],
  );
  const row = rows[0];
  if (!row || row.expired || !row.active) throw new AppError('session_expired');
  if (row.seen_stale) {
    await getPool().query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [sessionId]);
  }
  return {
    kind: 'user',
    userId: row.user_id,
    userRole: row.user_role,
    email: row.email,
    name: row.name,
    ...actorOrgOf(row),
    sessionId: row.session_id,
  };
}
