import type { TUserRole } from './actor';

export type TUserSummary = {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
  active: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  role: TUserRole;
  active: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
};

/** Columns for TUserRow from `users u`; never the password hash. */
export const USER_COLUMNS = 'u.id, u.email, u.name, u.role, u.active, u.created_at, u.last_sign_in_at';

export function toUserSummary(row: TUserRow): TUserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
