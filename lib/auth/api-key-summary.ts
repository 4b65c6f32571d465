import type { TUserRole } from './actor';

/** What lists and answers show of an API key: never the secret or its hash. */
export type TApiKeySummary = {
  id: string;
  name: string;
  /** The visible start of the key, to tell keys apart. */
  prefix: string;
  role: TUserRole;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type TApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  role: TUserRole;
  created_at: Date;
  created_by: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

/** Columns for TApiKeyRow, from `api_keys k` left-joined to `users c` (the creator). */
export const API_KEY_COLUMNS = `k.id, k.name, k.prefix, k.role, k.created_at, c.name AS created_by, k.last_used_at, k.revoked_at`;

export function toApiKeySummary(row: TApiKeyRow): TApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
