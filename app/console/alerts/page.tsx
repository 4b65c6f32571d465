import type { Metadata } from 'next';
import Link from 'next/link';
import { ALERT_CODE_LIST, ALERT_STATUSES, alertTitle, listAlerts, ZAlertQuery, type TAlertPage } from '@/lib/alerts';
import { formatDateTime } from '../_lib/labels';
import { requireActor } from '../_lib/session';
import { STATUS_LABEL } from './_components/alert-labels';
import { SeverityBadge } from './_components/severity-badge';

export const metadata: Metadata = { title: 'Alerts' };

type TSearch = Record<string, string | string[] | undefined>;

const FILTERS = ['code', 'status', 'since', 'until'] as const;

/** The organisation's alert inbox (the regulator's: every alert), newest first, filtered on the server. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const actor = await requireActor('/console/alerts');
  const search = await searchParams;
  const params = Object.fromEntries([...FILTERS, 'cursor'].flatMap((k) => (typeof search[k] === 'string' && search[k] !== '' ? [[k, search[k]]] : [])));
  const parsed = ZAlertQuery.safeParse({ ...params, limit: 50 });
  const page: TAlertPage | null = parsed.success ? await listAlerts(actor, parsed.data) : null;
  const next = page?.nextCursor ? `/console/alerts?${new URLSearchParams({ ...params, cursor: page.nextCursor }).toString()}` : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {actor.orgRole === 'REGULATOR' ? 'Every alert of the network.' : `Alerts ${actor.orgName} sees: suspicious scans, anomalies, recalled stock.`} Identical repeats are counted on one alert.
        </p>
      </div>
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end" aria-label="Filter alerts">
        <label className="text-sm font-medium text-slate-800">
          Kind
          <select name="code" defaultValue={params.code ?? ''} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="">All kinds</option>
            {ALERT_CODE_LIST.map((code) => (
              <option key={code} value={code}>
                {alertTitle(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Status
          <select name="status" defaultValue={params.status ?? ''} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="">Any status</option>
            <option value="OPEN,ACKNOWLEDGED,INVESTIGATING">Not closed</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Seen from
          <input type="date" name="since" defaultValue={params.since ?? ''} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2" />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Seen before
          <input type="date" name="until" defaultValue={params.until ?? ''} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Filter
        </button>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          These filters cannot be used: {parsed.error.issues[0]?.message}
        </p>
      ) : page && page.items.length === 0 ? (
        <p className="text-slate-700">No alerts match.</p>
      ) : (
        <AlertTable page={page!} />
      )}
      {next ? (
        <Link href={next} className="inline-block font-medium text-brand-700 underline">
          Older alerts
        </Link>
      ) : null}
    </div>
  );
}

function AlertTable({ page }: { page: TAlertPage }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Alerts, most recently seen first</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Severity</th>
            <th scope="col" className="px-4 py-2 font-semibold">Alert</th>
            <th scope="col" className="px-4 py-2 font-semibold">Times</th>
            <th scope="col" className="px-4 py-2 font-semibold">Status</th>
            <th scope="col" className="px-4 py-2 font-semibold">Last seen</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {page.items.map((alert) => (
            <tr key={alert.id}>
              <td className="px-4 py-2 align-top">
                <SeverityBadge severity={alert.severity} />
              </td>
              <th scope="row" className="px-4 py-2 text-left align-top font-normal">
                <Link href={`/console/alerts/${alert.id}`} className="font-semibold text-brand-700 underline">
                  {alert.title}
                </Link>
                <span className="mt-1 block max-w-xl text-slate-700">{alert.message}</span>
              </th>
              <td className="px-4 py-2 align-top">{alert.count}</td>
              <td className="px-4 py-2 align-top">{STATUS_LABEL[alert.status]}</td>
              <td className="px-4 py-2 align-top whitespace-nowrap">{formatDateTime(new Date(alert.lastSeenAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
