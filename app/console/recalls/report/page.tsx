import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '../../_lib/session';
import { ReportForm } from './report-form';

export const metadata: Metadata = { title: 'Report stolen or destroyed packs' };

/**
 * Stolen and destroyed reports by the holder. Destruction is offered to
 * manufacturers and pharmacies (returned or expired stock); a distributor
 * returns such stock instead, and may still report a theft.
 */
export default async function ReportPage() {
  const actor = await requireActor('/console/recalls/report');
  if (!can(actor, 'events:write')) {
    return (
      <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900">
        <h1 className="text-xl font-semibold">Report stolen or destroyed packs</h1>
        <p className="mt-2">Only organisations that hold stock report it stolen or destroyed, and your role may not record scans.</p>
      </div>
    );
  }
  const canDestroy = actor.orgRole === 'MANUFACTURER' || actor.orgRole === 'PHARMACY';
  return (
    <div className="space-y-6">
      <Link href="/console/recalls" className="text-sm font-medium text-brand-700 underline">
        Recalls
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Report stolen or destroyed packs</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Packs {actor.orgName} holds (or shipped and lost on the way) are taken out of the supply chain for good: a later scan of them is refused and raises an alert. A theft is also reported to the manufacturer and the regulator.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <ReportForm canDestroy={canDestroy} />
      </section>
    </div>
  );
}
