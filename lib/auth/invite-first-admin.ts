import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from './audit';
import { INVITE_TTL_DAYS } from './invite-summary';
import { randomToken, sha256Hex } from './tokens';

/**
 * The platform operators' invite for an organisation's first administrator
 * (onboarding is not self-service). Only for an organisation that has no
 * active administrator yet: afterwards its own admins invite their people.
 * Returns the secret token, shown once; only its SHA-256 is stored.
 */
export async function inviteFirstAdmin(orgId: string, email: string): Promise<{ token: string; expiresAt: Date }> {
  const address = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new AppError('validation_failed', `"${email}" is not an e-mail address.`);
  const token = randomToken();
  return withTransaction(async (tx) => {
    const org = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [orgId]);
    if (!org.rowCount) throw new AppError('not_found', 'No such organisation.');
    const admins = await tx.query(`SELECT 1 FROM users WHERE org_id = $1 AND role = 'ADMIN' AND active`, [orgId]);
    if (admins.rowCount) throw new AppError('conflict', 'This organisation already has an administrator; they invite their colleagues from the console.');
    const taken = await tx.query('SELECT 1 FROM users WHERE email = $1', [address]);
    if (taken.rowCount) throw new AppError('conflict', `${address} already has an account.`);
    const { rows } = await tx.query<{ id: string; expires_at: Date }>(
      `INSERT INTO invites (org_id, email, role, token_hash, created_by_id, expires_at)
       VALUES ($1, $2, 'ADMIN', $3, NULL, now() + make_interval(days => $4)) RETURNING id, expires_at`,
      [orgId, address, sha256Hex(token), INVITE_TTL_DAYS],
    );
    const invite = rows[0]!;
    await recordAudit(tx, { action: 'invite.create', orgId, targetType: 'invite', targetId: invite.id, detail: { email: address, role: 'ADMIN', by: 'platform operator' } });
    return { token, expiresAt: invite.expires_at };
  });
}
