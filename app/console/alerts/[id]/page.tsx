import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAlert, NEXT_STATUSES, type TAlertDetail } from '@/lib/alerts';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';
import { RESOLUTION_LABEL, STATUS_LABEL } from '../_components/alert-labels';
import { SeverityBadge } from '../_components/severity-badge';
import { ChangeAlertForm } from './change-alert-form';

export const metadata: Metadata = { title: 'Alert' };

/** One alert: what happened, who raised it (as far as the viewer may know), its events, its history, and the next steps. */
export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/console/alerts/${id}`);
  let alert: TAlertDetail;
  try {
    alert = await getAlert(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'alert_not_found') notFound();
    throw error;
  }
  const next = NEXT_STATUSES[alert.status].filter((s): s is Exclude<typeof s, 'OPEN'> => s !== 'OPEN');
  return (
    <div className="space-y-6">
      <Link href="/console/alerts" className="text-sm font-medium text-brand-700 underline">
        All alerts
      </Link>
      <section aria-labelledby="alert-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={alert.severity} />
          <span className="text-sm font-medium text-slate-700">
            {STATUS_LABEL[alert.status]}
            {alert.resolution ? `: ${RESOLUTION_LABEL[alert.resolution]}` : ''}
          </span>
        </div>
        <h1 id="alert-title" className="text-2xl font-bold">
          {alert.title}
        </h1>
        <p className="text-slate-800">{alert.message}</p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">Code</dt>
          <dd className="font-mono">{alert.code}</dd>
          <dt className="font-medium text-slate-600">About</dt>
          <dd className="break-all font-mono">{alert.subject}</dd>
          <dt className="font-medium text-slate-600">Raised by</dt>
          <dd>{alert.raisedByYou ? 'Your organisation' : alert.raisedBy ? (alert.raisedBy.name ?? `A ${alert.raisedBy.role} in ${alert.raisedBy.country}`) : 'The periodic checks'}</dd>
          <dt className="font-medium text-slate-600">Times seen</dt>
          <dd>{alert.count}</dd>
          <dt className="font-medium text-slate-600">First seen</dt>
          <dd>{formatDateTime(new Date(alert.firstSeenAt))}</dd>
          <dt className="font-medium text-slate-600">Last seen</dt>
          <dd>{formatDateTime(new Date(alert.lastSeenAt))}</dd>
        </dl>
      </section>
      {alert.events.length > 0 ? (
        <section aria-labelledby="alert-events" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="alert-events" className="text-lg font-semibold">
            Events on the ledger
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {alert.events.map((event) => (
              <li key={event.id}>
                <span className="font-medium">{event.bizStep ?? event.disposition ?? 'event'}</span> at {formatDateTime(new Date(event.eventTime))}
                <span className="block break-all font-mono text-slate-600">{event.eventId}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="alert-history" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="alert-history" className="text-lg font-semibold">
          History
        </h2>
        {alert.changes.length === 0 ? (
          <p className="mt-2 text-slate-700">Nobody has worked on this alert yet.</p>
        ) : (
          <ol className="mt-3 space-y-3 text-sm">
            {alert.changes.map((change, i) => (
              <li key={i}>
                <span className="font-medium">{STATUS_LABEL[change.toStatus]}</span>
                {change.resolution ? ` (${RESOLUTION_LABEL[change.resolution]})` : ''} by {change.by?.you ? 'your organisation' : (change.by?.name ?? `a ${change.by?.role ?? 'former'} organisation`)},{' '}
                {formatDateTime(new Date(change.at))}
                {change.note ? <span className="block text-slate-700">{change.note}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {next.length > 0 && can(actor, 'alerts:manage') ? (
        <section aria-labelledby="alert-work" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="alert-work" className="text-lg font-semibold">
            Next step
          </h2>
          <div className="mt-3">
            <ChangeAlertForm id={alert.id} next={next} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
