import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listNetworkEvents, listOrganisations, ZExplorerQuery } from '@/lib/console';
import { FormMessage } from '../_components/field';
import { LocalTime } from '../_components/local-time';
import { BUTTON, BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { plainParams, withQuery } from '../_components/pagination';
import { BIZ_STEP_LABEL, bizStepLabel, ORG_ROLE_LABEL } from '../_lib/labels';
import { requireActor } from '../_lib/session';

export const metadata: Metadata = { title: 'Event explorer' };

const STEPS = ['commissioning', 'packing', 'unpacking', 'shipping', 'receiving', 'storing', 'stocking', 'dispensing', 'destroying', 'holding'];

/** Every event of the network, searched and filtered on the server, newest first: the regulator's explorer. */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/events');
  if (!can(actor, 'network:read')) {
    return (
      <PageHeader title="Event explorer">
        The explorer shows the events of the whole network and is the regulator&apos;s. Look up the history of a pack you handled under{' '}
        <Link href="/console/packs" className={LINK}>Pack history</Link>.
      </PageHeader>
    );
  }
  const params = plainParams(await searchParams);
  const query = ZExplorerQuery.parse(params);
  const [page, orgs] = await Promise.all([listNetworkEvents(actor, query), listOrganisations(actor)]);
  const filtered = Boolean(query.code || query.step || query.org || query.from || query.to);
  return (
    <div className="space-y-6">
      <PageHeader title="Event explorer">Every event recorded in the network, in ledger order, newest first. Search by a pack, case or batch code, or narrow by business step, organisation and date.</PageHeader>
      <form method="get" role="search" aria-label="Search events" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2 lg:grid-cols-4">
        <div className="md:col-span-2 lg:col-span-4">
          <label htmlFor="ev-code" className="block text-sm font-medium text-slate-800">Pack, case or batch code</label>
          <input id="ev-code" name="code" defaultValue={query.code ?? ''} autoComplete="off" spellCheck={false} aria-invalid={Boolean(page.codeProblem)} aria-describedby={page.codeProblem ? 'ev-code-error' : 'ev-code-hint'} className={`${INPUT} mt-1 font-mono`} />
          {page.codeProblem ? <p id="ev-code-error" className="mt-1 text-sm font-medium text-red-700">{page.codeProblem}</p> : <p id="ev-code-hint" className="mt-1 text-sm text-slate-600">Scanned or typed: element string, (01)…(21)… text, Digital Link, EPC URN, or a batch as (01)…(10)….</p>}
        </div>
        <div>
          <label htmlFor="ev-step" className="block text-sm font-medium text-slate-800">Business step</label>
          <select id="ev-step" name="step" defaultValue={query.step ?? ''} className={`${INPUT} mt-1`}>
            <option value="">Any step</option>
            {STEPS.map((s) => <option key={s} value={s}>{BIZ_STEP_LABEL[s] ?? s}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="ev-org" className="block text-sm font-medium text-slate-800">Organisation taking part</label>
          <select id="ev-org" name="org" defaultValue={query.org ?? ''} className={`${INPUT} mt-1`}>
            <option value="">Any organisation</option>
            {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="ev-from" className="block text-sm font-medium text-slate-800">Recorded from (UTC)</label>
          <input id="ev-from" name="from" type="date" defaultValue={query.from ?? ''} className={`${INPUT} mt-1`} />
        </div>
        <div>
          <label htmlFor="ev-to" className="block text-sm font-medium text-slate-800">Recorded until (UTC)</label>
          <input id="ev-to" name="to" type="date" defaultValue={query.to ?? ''} className={`${INPUT} mt-1`} />
        </div>
        <div className="flex gap-2 md:col-span-2 lg:col-span-4">
          <button type="submit" className={BUTTON}>Search</button>
          {filtered ? <Link href="/console/events" className={BUTTON_SECONDARY}>Clear</Link> : null}
        </div>
      </form>
      {page.codeKey && page.codeKey.startsWith('01/') && page.codeKey.includes('/21/') ? (
        <FormMessage tone="success">
          These are the events that name this pack itself. Its full history, with the events of the cases it travelled in:{' '}
          <Link href={`/console/packs/${page.codeKey.slice(3, 17)}/${page.codeKey.slice(21)}`} className={LINK}>pack history</Link>.
        </FormMessage>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? 'No event matches' : 'No events yet'}>{filtered ? 'Widen the search: another step, another organisation, or no dates.' : 'Events appear here as soon as any organisation records a scan.'}</EmptyState>
      ) : (
        <div className={TABLE_WRAP}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">Events, newest first</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={TH}>Happened</th>
                <th scope="col" className={TH}>Step</th>
                <th scope="col" className={TH}>Recorded by</th>
                <th scope="col" className={TH}>With</th>
                <th scope="col" className={TH}>What</th>
                <th scope="col" className={TH}><span className="sr-only">Details</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td className={`${TD} whitespace-nowrap`}>
                    <LocalTime value={e.eventTime} />
                    {Math.abs(Date.parse(e.recordTime) - Date.parse(e.eventTime)) > 60_000 ? <span className="block text-xs text-slate-600">recorded <LocalTime value={e.recordTime} /></span> : null}
                  </td>
                  <td className={TD}>{bizStepLabel(e.bizStep)}{e.disposition ? <span className="block text-xs text-slate-600">{e.disposition.replace(/_/g, ' ')}</span> : null}</td>
                  <td className={TD}>{e.recorder.name}<span className="block text-xs text-slate-600">{ORG_ROLE_LABEL[e.recorder.role]}, {e.recorder.country}</span></td>
                  <td className={TD}>{e.partners.map((p) => p.name).join(', ') || '—'}</td>
                  <td className={TD}>{e.identifiers} identifier{e.identifiers === 1 ? '' : 's'}{e.batch ? <span className="block text-xs text-slate-600">lot {e.batch.lot}</span> : null}</td>
                  <td className={TD}><Link href={`/console/events/${e.id}`} className={LINK} aria-label={`Details of the ${bizStepLabel(e.bizStep).toLowerCase()} event by ${e.recorder.name}`}>Details</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages of events" className="flex gap-4 text-sm">
        {query.before ? <Link href={withQuery('/console/events', params, { before: undefined })} className={LINK}>Newest events</Link> : null}
        {page.nextBefore ? <Link href={withQuery('/console/events', params, { before: page.nextBefore })} className={LINK} rel="next">Older events →</Link> : null}
      </nav>
    </div>
  );
}
