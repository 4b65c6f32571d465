import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '../_lib/session';
import { CounterScreen } from './counter-screen';

export const metadata: Metadata = { title: 'Dispensing' };

/** The pharmacy counter: verify and dispense each pack with one scan, undo a mistake, or only verify stock. */
export default async function DispensePage() {
  const actor = await requireActor('/console/dispense');
  const canDispense = can(actor, 'dispense');
  const canVerify = can(actor, 'verify:stock');
  if (!canDispense && !canVerify) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-2xl font-bold">Dispensing</h1>
        <p className="mt-2 text-slate-700">
          Your role may not verify or dispense packs. Anyone can check a pack on the{' '}
          <Link href="/verify" className="font-medium text-brand-700 underline">
            public verification page
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{canDispense ? 'Dispensing' : 'Verify stock'}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {canDispense
            ? `Each scan verifies the pack and records it as dispensed by ${actor.orgName}, in one step. A dispensing can be undone by your pharmacy within 10 days.`
            : `Each scan verifies the pack and says whether ${actor.orgName} holds it. Nothing is recorded.`}
        </p>
      </div>
      <CounterScreen canDispense={canDispense} canVerify={canVerify} />
    </div>
  );
}
