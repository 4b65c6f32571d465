import { getPool } from '@/lib/db';
import type { TOrgRole, TUserRole } from './actor';
import { isWellFormedToken, sha256Hex } from './tokens';

export type TOpenInvite = { email: string; role: TUserRole; orgName: string; orgRole: TOrgRole; expiresAt: Date };

/** The pending invite behind a link token, for the page that accepts it; null when invalid, used or expired. */
export async function findOpenInvite(token: string): Promise<TOpenInvite | null> {
  if (!isWellFormedToken(token)) return null;
  const { rows } = await getPool().query<{ email: string; role: TUserRole; org_name: string; org_role: TOrgRole; expires_at: Date }>(
    `SELECT i.email, i.role, o.name AS org_name, o.role AS org_role, i.expires_at
       FROM invites i JOIN organisations o ON o.id = i.org_id
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  return row ? { email: row.email, role: row.role, orgName: row.org_name, orgRole: row.org_role, expiresAt: row.expires_at } : null;
}
