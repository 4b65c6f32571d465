import { randomBytes } from 'node:crypto';
import { getPool, withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ACTOR_ORG_COLUMNS, actorOrgOf, type TActor, type TActorOrgRow, type TUserRole } from './actor';
import { recordAudit } from './audit';
import { createSession } from './create-session';
import { hashPassword, verifyPassword } from './password';
import { hitRateLimit, pruneRateLimits, refundRateLimit, resetRateLimit } from './rate-limit';
import type { TSignIn } from './schemas';

/** Per account: a handful of guesses per quarter hour. Per IP: room for a pharmacy chain behind one NAT. */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 50, windowSeconds: 15 * 60 },
} as const;

export type TSignInResult = {
  token: string;
  expiresAt: Date;
  actor: Extract<TActor, { kind: 'user' }>;
};

type TUserRow = {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
  active: boolean;
  password_hash: string;
} & TActorOrgRow;

/**
 * An argon2id hash of a random password, verified when the e-mail is unknown
 * so that a miss costs the same time as a wrong password and answers reveal
 * nothing about which addresses have accounts. Started as soon as this module
 * loads, so even the first miss does not take longer.
 */
const dummyHash = hashPassword(randomBytes(24).toString('base64url'));

/**
 * Signs a person in with e-mail and password (docs/decisions/010). Every
 * attempt counts against the account and the IP before the password is
 * checked; past either limit the answer is 429 `too_many_attempts` with the
 * seconds to wait. Wrong e-mail, wrong password and deactivated account all
 * answer the same 401 `invalid_credentials`. Each outcome is audited.
 *
 * requires: `email` and `password` parsed with ZSignIn (lower-cased e-mail).
 */
export async function signIn(input: TSignIn & { ip: string | null; userAgent?: string | null }): Promise<TSignInResult> {
  const { email, password, ip } = input;
  const accountKey = `sign-in:account:${email}`;
  const ipKey = `sign-in:ip:${ip ?? 'unknown'}`;
  await throttle(email, ip, accountKey, ipKey);

  const user = await findUser(email);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok || !user.active) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive';
    await recordAudit(getPool(), { action: 'auth.sign_in_failed', orgId: user?.org_id, targetType: 'user', targetId: user?.id, ip, detail: { email, reason } });
    throw new AppError('invalid_credentials');
  }
  return startSession(user, { ip, userAgent: input.userAgent ?? null, accountKey, ipKey });
}

async function throttle(email: string, ip: string | null, accountKey: string, ipKey: string): Promise<void> {
  const account = await hitRateLimit({ key: accountKey, ...SIGN_IN_LIMITS.account });
  const network = await hitRateLimit({ key: ipKey, ...SIGN_IN_LIMITS.ip });
  // Now and then, clear out windows that ended long ago (see pruneRateLimits).
  if (Math.random() < 0.01) await pruneRateLimits();
  if (account.allowed && network.allowed) return;
  const retryAfterSeconds = Math.max(account.allowed ? 0 : account.retryAfterSeconds, network.allowed ? 0 : network.retryAfterSeconds);
  await recordAudit(getPool(), { action: 'auth.sign_in_throttled', ip, detail: { email, by: account.allowed ? 'ip' : 'account' } });
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError('too_many_attempts', `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, {
    extra: { retryAfterSeconds },
  });
}

async function findUser(email: string): Promise<TUserRow | undefined> {
  const { rows } = await getPool().query<TUserRow>(
    `SELECT u.id, u.email, u.name, u.role, u.active, u.password_hash, ${ACTOR_ORG_COLUMNS}
       FROM users u JOIN organisations o ON o.id = u.org_id
      WHERE u.email = $1`,
    [email],
  );
  return rows[0];
}

async function startSession(user: TUserRow, context: { ip: string | null; userAgent: string | null; accountKey: string; ipKey: string }): Promise<TSignInResult> {
  const session = await withTransaction(async (tx) => {
    const created = await createSession(tx, user.id);
    await tx.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [user.id]);
    await resetRateLimit(context.accountKey, tx);
    await refundRateLimit(context.ipKey, tx);
    await recordAudit(tx, {
      action: 'auth.sign_in',
      orgId: user.org_id,
      actorUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: context.ip,
      detail: context.userAgent ? { userAgent: context.userAgent.slice(0, 300) } : {},
    });
    return created;
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    actor: {
      kind: 'user',
      userId: user.id,
      userRole: user.role,
      email: user.email,
      name: user.name,
      ...actorOrgOf(user),
      sessionId: session.sessionId,
    },
  };
}
