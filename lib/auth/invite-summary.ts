import { getEnv } from '@/lib/env';
import type { TUserRole } from './actor';

/** Days an invite link stays valid: long enough for a colleague back from leave, short enough not to linger. */
export const INVITE_TTL_DAYS = 7;

export type TInviteSummary = {
  id: string;
  email: string;
  role: TUserRole;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
};

export type TInviteRow = {
  id: string;
  email: string;
  role: TUserRole;
  created_at: Date;
  created_by: string | null;
  expires_at: Date;
};

/** Columns for TInviteRow, from `invites i` left-joined to `users c` (who invited). */
export const INVITE_COLUMNS = 'i.id, i.email, i.role, i.created_at, c.name AS created_by, i.expires_at';

export function toInviteSummary(row: TInviteRow): TInviteSummary {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at, createdBy: row.created_by, expiresAt: row.expires_at };
}

/**
 * The link an admin passes on (there is no mail server). PUBLIC_URL when it is
 * configured, because it is the address people know; otherwise the origin the
 * admin's own request came in on.
 */
export function inviteLink(token: string, requestOrigin: string): string {
  const base = (getEnv().PUBLIC_URL ?? requestOrigin).replace(/\/$/, '');
  return `${base}/invite/${token}`;
}
