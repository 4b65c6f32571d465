import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { listIncoming, type TStationMode } from '@/lib/console';
import { PageHeader } from '../_components/page-header';
import { destinationsFor } from '../_lib/destinations';
import { requireActor } from '../_lib/session';
import { Station } from './station';

export const metadata: Metadata = { title: 'Scan station' };

/** What each kind of organisation does at its station: a wholesaler all of it, a pharmacy its goods-in and returns, a manufacturer its returns. */
const MODES: Record<'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY', TStationMode[]> = {
  DISTRIBUTOR: ['receive', 'put-away', 'ship', 'return'],
  PHARMACY: ['receive', 'return'],
  MANUFACTURER: ['receive', 'put-away', 'ship'],
};

export default async function StationPage() {
  const actor = await requireActor('/console/station');
  if (actor.orgRole === 'REGULATOR') {
    return (
      <PageHeader title="Scan station">The regulator records no supply-chain events. Look any pack up under Pack history, or explore the events of the network.</PageHeader>
    );
  }
  const [incoming, destinations] = await Promise.all([listIncoming(actor), destinationsFor(actor)]);
  const title = actor.orgRole === 'PHARMACY' ? 'Receive and return' : actor.orgRole === 'MANUFACTURER' ? 'Goods in and out' : 'Scan station';
  return (
    <div className="space-y-6">
      <PageHeader title={title}>
        {actor.orgRole === 'PHARMACY'
          ? 'Scan deliveries as they arrive: each scan is checked against what your wholesaler shipped to you. Dispensing is on the dispensing screen.'
          : 'Receive deliveries against what was shipped, put goods away, pick and ship orders, send returns. Each scan is checked at once; the list is recorded when you confirm it.'}
      </PageHeader>
      <Station modes={MODES[actor.orgRole]} destinations={destinations} initialIncoming={incoming} canWrite={can(actor, 'events:write')} />
    </div>
  );
}
