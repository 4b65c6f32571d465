import type { TOrgActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { TNavItem } from './active-href';

export type { TNavItem };

/**
 * Each role's console, in the order of its day's work: the manufacturer
 * makes, packs and ships; the distributor receives, stores and ships on;
 * the pharmacy receives and dispenses; the regulator oversees, explores
 * and audits. Sections a role may not use are not shown (each page checks
 * the permission again).
 */
export function consoleNav(actor: TOrgActor): TNavItem[] {
  const items: TNavItem[] = [{ href: '/console', label: actor.orgRole === 'REGULATOR' ? 'Network overview' : 'Overview' }];
  const add = (item: TNavItem, when = true) => void (when && items.push(item));
  switch (actor.orgRole) {
    case 'MANUFACTURER':
      add({ href: '/console/products', label: 'Products' });
      add({ href: '/console/batches', label: 'Batches', also: ['/console/labels'] });
      add({ href: '/console/shipping', label: 'Packing & shipping', also: ['/console/cases'] }, can(actor, 'events:read'));
      add({ href: '/console/station', label: 'Goods in (returns)' }, can(actor, 'events:write'));
      add({ href: '/console/stock', label: 'Stock' });
      break;
    case 'DISTRIBUTOR':
      add({ href: '/console/station', label: 'Scan station' });
      add({ href: '/console/shipping', label: 'Cases', also: ['/console/cases'] });
      add({ href: '/console/stock', label: 'Stock' });
      break;
    case 'PHARMACY':
      add({ href: '/console/station', label: 'Receive & return' });
      add({ href: '/console/dispense', label: 'Dispensing' }, can(actor, 'dispense') || can(actor, 'verify:stock'));
      add({ href: '/console/stock', label: 'Stock' });
      break;
    case 'REGULATOR':
      add({ href: '/console/events', label: 'Event explorer' });
      add({ href: '/console/batches', label: 'Batches' });
      add({ href: '/console/ledger', label: 'Ledger & audit' });
      break;
  }
  add({ href: '/console/packs', label: 'Pack history' });
  add({ href: '/console/alerts', label: 'Alerts' }, can(actor, 'alerts:read'));
  add({ href: '/console/recalls', label: 'Recalls' });
  add({ href: '/console/webhooks', label: 'Webhooks' }, can(actor, 'webhooks:manage'));
  add({ href: '/console/settings', label: 'Settings' }, can(actor, 'keys:manage') || can(actor, 'users:manage'));
  return items;
}
