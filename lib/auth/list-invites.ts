import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { INVITE_COLUMNS, toInviteSummary, type TInviteSummary } from './invite-summary';
import { assertCan } from './permissions';

/** The organisation's invites still waiting to be accepted, newest first. */
export async function listInvites(actor: TActor): Promise<TInviteSummary[]> {
  assertCan(actor, 'users:manage');
  const { rows } = await getPool().query(
    `SELECT ${INVITE_COLUMNS}
       FROM invites i LEFT JOIN users c ON c.id = i.created_by_id
      WHERE i.org_id = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
      ORDER BY i.created_at DESC`,
    [actor.orgId],
  );
  return rows.map(toInviteSummary);
}
