import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { API_KEY_COLUMNS, toApiKeySummary, type TApiKeySummary } from './api-key-summary';
import { assertCan } from './permissions';

/** The API keys of the actor's own organisation, newest first, revoked ones included (marked). */
export async function listApiKeys(actor: TActor): Promise<TApiKeySummary[]> {
  assertCan(actor, 'keys:manage');
  const { rows } = await getPool().query(
    `SELECT ${API_KEY_COLUMNS}
       FROM api_keys k LEFT JOIN users c ON c.id = k.created_by_id
      WHERE k.org_id = $1
      ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
    [actor.orgId],
  );
  return rows.map(toApiKeySummary);
}
