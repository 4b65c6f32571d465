import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

/** The GS1 company prefixes licensed to the actor's organisation (its GTINs must start with one). */
export async function companyPrefixes(actor: TActor): Promise<string[]> {
  assertCan(actor, 'catalog:read');
  const { rows } = await getPool().query<{ company_prefixes: string[] }>('SELECT company_prefixes FROM organisations WHERE id = $1', [actor.orgId]);
  return rows[0]?.company_prefixes ?? [];
}
