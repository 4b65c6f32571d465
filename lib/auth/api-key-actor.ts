import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ACTOR_ORG_COLUMNS, actorOrgOf, type TActor, type TActorOrgRow, type TUserRole } from './actor';
import { sha256Hex } from './tokens';

/** `ptk_` then 32 random bytes in base64url: recognisable in logs and by secret scanners. */
export const API_KEY_PATTERN = /^ptk_[A-Za-z0-9_-]{43}$/;

/** At most one last_used_at write per key per minute, so hot scan paths pay one SELECT, not a write. */
const USED_WRITE_INTERVAL_MS = 60_000;

/** Per process: when each key's last use was last written (the SQL guard covers other instances). */
const lastWritten = new Map<string, number>();

type TKeyRow = {
  key_id: string;
  role: TUserRole;
  revoked: boolean;
  used_stale: boolean;
} & TActorOrgRow;

/** The organisation behind an API key. Unknown, malformed and revoked keys: `api_key_invalid`. */
export async function actorFromApiKey(key: string): Promise<Extract<TActor, { kind: 'apiKey' }>> {
  if (!API_KEY_PATTERN.test(key)) throw new AppError('api_key_invalid');
  const { rows } = await getPool().query<TKeyRow>({
    name: 'auth-api-key',
    text: `SELECT k.id AS key_id, k.role, k.revoked_at IS NOT NULL AS revoked,
            (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS used_stale,
            ${ACTOR_ORG_COLUMNS}
       FROM api_keys k JOIN organisations o ON o.id = k.org_id
      WHERE k.secret_hash = $1`,
    values: [sha256Hex(key)],
  });
  const row = rows[0];
  if (!row || row.revoked) throw new AppError('api_key_invalid');
  if (row.used_stale) await touchKey(row.key_id);
  return { kind: 'apiKey', keyId: row.key_id, userRole: row.role, ...actorOrgOf(row) };
}

async function touchKey(keyId: string): Promise<void> {
  const now = Date.now();
  if (now - (lastWritten.get(keyId) ?? 0) < USED_WRITE_INTERVAL_MS) return;
  lastWritten.set(keyId, now);
  if (lastWritten.size > 10_000) lastWritten.clear();
  await getPool().query(
    `UPDATE api_keys SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [keyId],
  );
}
