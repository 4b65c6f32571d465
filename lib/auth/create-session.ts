import type { Queryable } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { randomToken, sha256Hex } from './tokens';

export type TNewSession = { token: string; sessionId: string; expiresAt: Date };

/**
 * Starts a session for `userId` on `db` (the caller's transaction). The token
 * goes to the browser only; the row is keyed by its SHA-256, so reading the
 * sessions table gives nobody a usable cookie. Expiry is absolute
 * (SESSION_TTL_HOURS from sign-in), not sliding: a stolen cookie stops
 * working at a known time however busy the thief keeps it.
 */
export async function createSession(db: Queryable, userId: string): Promise<TNewSession> {
  const token = randomToken();
  const sessionId = sha256Hex(token);
  const ttlSeconds = Math.round(getEnv().SESSION_TTL_HOURS * 3600);
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     RETURNING expires_at`,
    [sessionId, userId, ttlSeconds],
  );
  // Expired sessions of this user are of no further use; drop them here rather than in a sweeper.
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()', [userId]);
  return { token, sessionId, expiresAt: rows[0]!.expires_at };
}
