import type { TOrgActor } from '@/lib/auth/actor';
import { listOrganisations } from '@/lib/console';
import { ORG_ROLE_LABEL } from './labels';

/** Where goods can go from here: every trading organisation but one's own (the regulator records no supply-chain events). */
export async function destinationsFor(actor: TOrgActor): Promise<{ gln: string; name: string; role: string }[]> {
  const orgs = await listOrganisations(actor, { roles: ['DISTRIBUTOR', 'PHARMACY', 'MANUFACTURER'], exceptOwn: true });
  // The usual next step first: a manufacturer ships to wholesalers, a wholesaler to pharmacies.
  const order = actor.orgRole === 'DISTRIBUTOR' ? ['PHARMACY', 'DISTRIBUTOR', 'MANUFACTURER'] : actor.orgRole === 'PHARMACY' ? ['DISTRIBUTOR', 'MANUFACTURER', 'PHARMACY'] : ['DISTRIBUTOR', 'PHARMACY', 'MANUFACTURER'];
  return orgs.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name)).map((o) => ({ gln: o.gln, name: o.name, role: `${ORG_ROLE_LABEL[o.role]}s` }));
}
