import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { getRecall, type TRecallDetail } from '@/lib/recalls';
import { formatDateTime } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';
import { CloseRecallForm } from './close-recall-form';

export const metadata: Metadata = { title: 'Recall' };

/** One recall: the batch, why, where its packs are (all of them, or the viewer's own), and closing it. */
export default async function RecallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/console/recalls/${id}`);
  let recall: TRecallDetail;
  try {
    recall = await getRecall(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'recall_not_found') notFound();
    throw error;
  }
  const mayClose = recall.status === 'OPEN' && can(actor, 'recall:write') && (can(actor, 'network:read') || recall.openedBy.id === actor.orgId);
  return (
    <div className="space-y-6">
      <Link href="/console/recalls" className="text-sm font-medium text-brand-700 underline">
        All recalls
      </Link>
      <section aria-labelledby="recall-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-red-700">
          Class {recall.class} recall · {recall.status === 'OPEN' ? 'open' : 'closed'}
        </p>
        <h1 id="recall-title" className="text-2xl font-bold">
          {recall.batch.productName}, lot {recall.batch.lot}
        </h1>
        <p className="text-slate-800">{recall.reason}</p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">GTIN</dt>
          <dd className="font-mono">{recall.batch.gtin}</dd>
          <dt className="font-medium text-slate-600">Expiry</dt>
          <dd>{recall.batch.expiry}</dd>
          <dt className="font-medium text-slate-600">Recalled</dt>
          <dd>{recall.scope === 'batch' ? 'The whole batch' : `${recall.serialCount} pack${recall.serialCount === 1 ? '' : 's'}`}</dd>
          <dt className="font-medium text-slate-600">Opened</dt>
          <dd>
            {formatDateTime(new Date(recall.openedAt))} by {recall.openedBy.name}
          </dd>
          {recall.closedAt ? (
            <>
              <dt className="font-medium text-slate-600">Closed</dt>
              <dd>
                {formatDateTime(new Date(recall.closedAt))}: {recall.closeNote}
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-600">On the ledger</dt>
          <dd className="break-all font-mono">{recall.eventId}</dd>
          <dt className="font-medium text-slate-600">Your stock</dt>
          <dd>
            {recall.yourStock.held} held, {recall.yourStock.incoming} on the way to you
          </dd>
        </dl>
        {recall.serials ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Recalled serials</summary>
            <p className="mt-2 break-all font-mono">{recall.serials.join(', ')}</p>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="recall-packs" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="recall-packs" className="text-lg font-semibold">
          Packs of this recall by state
        </h2>
        {Object.keys(recall.packs).length === 0 ? (
          <p className="mt-2 text-slate-700">None that you may see.</p>
        ) : (
          <ul className="mt-2 text-sm">
            {Object.entries(recall.packs).map(([status, count]) => (
              <li key={status}>
                {status.toLowerCase()}: {count}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayClose ? (
        <section aria-labelledby="recall-close" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="recall-close" className="text-lg font-semibold">
            Close this recall
          </h2>
          <div className="mt-3">
            <CloseRecallForm id={recall.id} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
