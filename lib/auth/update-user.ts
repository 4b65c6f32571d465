import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditActorIds, type TActor, type TOrgActor } from './actor';
import { recordAudit, type TAuditEntry } from './audit';
import { assertCan } from './permissions';
import type { TRequestContext } from './request-context';
import type { TUpdateUser } from './schemas';
import { isUuid } from './uuid';
import { USER_COLUMNS, toUserSummary, type TUserRow, type TUserSummary } from './user-summary';

/**
 * An admin deactivates, reactivates or changes the role of someone in their
 * own organisation. Deactivation deletes the person's sessions in the same
 * transaction, so they are signed out everywhere at once. Admins cannot
 * change themselves, which also means an organisation always keeps at least
 * one active admin. Other organisations' users are "not found".
 *
 * requires: `input` parsed with ZUpdateUser.
 */
export async function updateUser(actor: TActor, userId: string, input: TUpdateUser, context: TRequestContext): Promise<TUserSummary> {
  assertCan(actor, 'users:manage');
  if (!isUuid(userId)) throw new AppError('not_found', 'No such user.');
  if (actor.kind === 'user' && actor.userId === userId) {
    throw new AppError('conflict', 'You cannot deactivate yourself or change your own role; ask another admin.');
  }
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<TUserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.org_id = $2 FOR UPDATE`, [userId, actor.orgId]);
    const before = rows[0];
    if (!before) throw new AppError('not_found', 'No such user.');
    const after = { ...before, active: input.active ?? before.active, role: input.role ?? before.role };
    await tx.query('UPDATE users SET active = $2, role = $3 WHERE id = $1', [userId, after.active, after.role]);
    if (!after.active) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    for (const entry of auditEntries(actor, before, after, context)) await recordAudit(tx, entry);
    return toUserSummary(after);
  });
}

function auditEntries(actor: TOrgActor, before: TUserRow, after: TUserRow, context: TRequestContext): TAuditEntry[] {
  const base = { orgId: actor.orgId, ...auditActorIds(actor), targetType: 'user', targetId: before.id, ip: context.ip };
  const entries: TAuditEntry[] = [];
  if (before.active && !after.active) entries.push({ ...base, action: 'user.deactivate', detail: { email: before.email } });
  if (!before.active && after.active) entries.push({ ...base, action: 'user.reactivate', detail: { email: before.email } });
  if (before.role !== after.role) entries.push({ ...base, action: 'user.role_change', detail: { email: before.email, from: before.role, to: after.role } });
  return entries;
}

