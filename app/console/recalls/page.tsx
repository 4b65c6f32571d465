import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listRecalls, ZRecallQuery } from '@/lib/recalls';
import { formatDateTime } from '../_lib/labels';
import { requireActor } from '../_lib/session';
import { OpenRecallForm } from './open-recall-form';

export const metadata: Metadata = { title: 'Recalls' };

/** Recalls of the network (public notices), and the form to open one for those who may. */
export default async function RecallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/recalls');
  const search = await searchParams;
  const status = search.status === 'OPEN' || search.status === 'CLOSED' ? search.status : undefined;
  const before = typeof search.before === 'string' ? search.before : undefined;
  const query = ZRecallQuery.safeParse({ status, before, limit: 50 });
  const page = await listRecalls(actor, query.success ? query.data : { limit: 50 });
  const olderHref = page.nextBefore ? `/console/recalls?${new URLSearchParams({ ...(status ? { status } : {}), before: page.nextBefore }).toString()}` : null;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Recalls</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          A recall stops every pack of a batch, or the packs named, wherever they are: they can no longer be shipped on or dispensed, and the public verification page shows them as recalled with the reason.{' '}
          {can(actor, 'events:write') ? (
            <Link href="/console/recalls/report" className="font-medium text-brand-700 underline">
              Report stolen or destroyed packs
            </Link>
          ) : null}
        </p>
      </div>
      {can(actor, 'recall:write') ? (
        <section aria-labelledby="new-recall" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="new-recall" className="text-lg font-semibold">
            Recall a batch
          </h2>
          <p className="mt-1 text-sm text-slate-700">{actor.orgRole === 'REGULATOR' ? 'Any batch of the network.' : 'Batches of your own products.'}</p>
          <div className="mt-4">
            <OpenRecallForm />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="recall-list">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recall-list" className="text-lg font-semibold">
            {status === 'OPEN' ? 'Open recalls' : status === 'CLOSED' ? 'Closed recalls' : 'All recalls'}
          </h2>
          <nav aria-label="Recall status" className="flex gap-3 text-sm">
            <Link href="/console/recalls" className="text-brand-700 underline">All</Link>
            <Link href="/console/recalls?status=OPEN" className="text-brand-700 underline">Open</Link>
            <Link href="/console/recalls?status=CLOSED" className="text-brand-700 underline">Closed</Link>
          </nav>
        </div>
        {page.items.length === 0 ? (
          <p className="mt-2 text-slate-700">No recalls.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {page.items.map((recall) => (
              <li key={recall.id} className="px-4 py-3">
                <Link href={`/console/recalls/${recall.id}`} className="font-semibold text-brand-700 underline">
                  {recall.batch.productName}, lot {recall.batch.lot}
                </Link>
                <span className="ml-2 text-sm text-slate-700">
                  Class {recall.class} · {recall.status === 'OPEN' ? 'Open' : 'Closed'} · {recall.scope === 'batch' ? 'whole batch' : `${recall.serialCount} packs`} · {formatDateTime(new Date(recall.openedAt))}
                  {recall.affectsYou ? ' · you hold packs of it' : ''}
                </span>
                <span className="block text-sm text-slate-800">{recall.reason}</span>
              </li>
            ))}
          </ul>
        )}
        {olderHref ? (
          <Link href={olderHref} className="mt-3 inline-block font-medium text-brand-700 underline">
            Older recalls
          </Link>
        ) : null}
      </section>
    </div>
  );
}
