import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { assertCan } from './permissions';
import { USER_COLUMNS, toUserSummary, type TUserSummary } from './user-summary';

/** The people of the admin's own organisation: active first, then by name. */
export async function listUsers(actor: TActor): Promise<TUserSummary[]> {
  assertCan(actor, 'users:manage');
  const { rows } = await getPool().query(
    `SELECT ${USER_COLUMNS} FROM users u WHERE u.org_id = $1 ORDER BY u.active DESC, lower(u.name), u.email`,
    [actor.orgId],
  );
  return rows.map(toUserSummary);
}
