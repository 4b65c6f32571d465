import type { TActor, TOrgRole } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

export type TOrganisation = { id: string; name: string; role: TOrgRole; gln: string; country: string };

/**
 * The organisations of the network, by name: the destinations a shipment or
 * a return can go to, and the filters of the regulator's screens. Names,
 * roles and GLNs of licensed wholesalers and pharmacies are public registers
 * (GS1 GEPIR, national licence lists), so every member may read them; who
 * trades with whom is not here.
 */
export async function listOrganisations(actor: TActor, options: { roles?: readonly TOrgRole[]; exceptOwn?: boolean } = {}): Promise<TOrganisation[]> {
  assertCan(actor, 'catalog:read');
  const { rows } = await getPool().query<TOrganisation>(
    `SELECT id, name, role, gln, country FROM organisations
      WHERE ($1::org_role[] IS NULL OR role = ANY($1::org_role[])) AND ($2::uuid IS NULL OR id <> $2)
      ORDER BY name, id`,
    [options.roles ?? null, options.exceptOwn ? actor.orgId : null],
  );
  return rows;
}
