import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TActor, TOrgRole, TUserRole } from './actor';
import { permissionsOf, type TPermission } from './permissions';

export type TActorDescription = {
  kind: 'user' | 'apiKey';
  user: { id: string; email: string; name: string } | null;
  apiKey: { id: string; name: string; prefix: string } | null;
  role: TUserRole;
  organisation: { id: string; name: string; role: TOrgRole; gln: string; country: string };
  permissions: TPermission[];
};

/**
 * Who the caller is, its organisation and what it may do: for scripts
 * checking their key, and for the console to show the signed-in person.
 */
export async function describeActor(actor: TActor): Promise<TActorDescription> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const { rows } = await getPool().query<{ id: string; name: string; role: TOrgRole; gln: string; country: string; key_name: string | null; key_prefix: string | null }>(
    `SELECT o.id, o.name, o.role, o.gln, o.country, k.name AS key_name, k.prefix AS key_prefix
       FROM organisations o LEFT JOIN api_keys k ON k.id = $2 AND k.org_id = o.id
      WHERE o.id = $1`,
    [actor.orgId, actor.kind === 'apiKey' ? actor.keyId : null],
  );
  const org = rows[0];
  if (!org) throw new AppError('unauthenticated');
  return {
    kind: actor.kind,
    user: actor.kind === 'user' ? { id: actor.userId, email: actor.email, name: actor.name } : null,
    apiKey: actor.kind === 'apiKey' ? { id: actor.keyId, name: org.key_name ?? '', prefix: org.key_prefix ?? '' } : null,
    role: actor.userRole,
    organisation: { id: org.id, name: org.name, role: org.role, gln: org.gln, country: org.country },
    permissions: permissionsOf(actor.orgRole, actor.userRole),
  };
}
