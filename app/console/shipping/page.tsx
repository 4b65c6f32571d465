import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { CASE_FILTERS, companyPrefixes, listCases, ZCaseQuery } from '@/lib/console';
import { LocalTime } from '../_components/local-time';
import { BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, Section, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { Pagination, plainParams } from '../_components/pagination';
import { Badge } from '../_components/status-badge';
import { caseSummary } from '../_lib/case-summary';
import { destinationsFor } from '../_lib/destinations';
import { requestLocale } from '../_lib/locale';
import { requireActor } from '../_lib/session';
import { NewCaseButton } from './new-case-button';
import { ShipCasesForm } from './ship-cases-form';

export const metadata: Metadata = { title: 'Packing and shipping' };

const STATE_LABEL: Record<(typeof CASE_FILTERS)[number], string> = { all: 'All cases', ready: 'Ready to ship', empty: 'Empty', 'in-transit': 'Shipped, not yet received' };

/** Cases being filled, ready to ship, and shipped: pack into cases with SSCC labels, then ship them to a distributor. */
export default async function ShippingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/shipping');
  const params = plainParams(await searchParams);
  const query = ZCaseQuery.parse(params);
  const writer = can(actor, 'events:write');
  const [locale, page, ready, prefixes, destinations] = await Promise.all([
    requestLocale(),
    listCases(actor, query),
    writer ? listCases(actor, { state: 'ready', page: 1 }) : null,
    companyPrefixes(actor),
    writer ? destinationsFor(actor) : [],
  ]);
  const canCreate = writer && (actor.orgRole === 'MANUFACTURER' || actor.orgRole === 'DISTRIBUTOR');
  return (
    <div className="space-y-6">
      <PageHeader title={actor.orgRole === 'MANUFACTURER' ? 'Packing and shipping' : 'Cases'}>
        Pack loose packs into cases under an SSCC, print the case label, and ship whole cases. A shipped case stays your responsibility until its destination receives it.
      </PageHeader>
      {canCreate ? (
        <Section id="new-case" title="Pack a new case">
          {prefixes.length > 0 ? (
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
              <NewCaseButton />
              <p className="text-sm text-slate-700">Reserves the next SSCC under your company prefix {prefixes[0]}; then fill the case from a batch or by scanning packs.</p>
            </div>
          ) : (
            <p className="text-slate-700">Your organisation has no GS1 company prefix of its own, so the platform cannot number new cases for you. Cases arrive labelled from your suppliers; ship them whole, or pick packs at the <Link href="/console/station" className={LINK}>scan station</Link>.</p>
          )}
        </Section>
      ) : null}
      {ready ? (
        <Section id="ship" title="Ship cases">
          <ShipCasesForm cases={ready.items.map((c) => ({ sscc: c.sscc, summary: caseSummary(c, locale) }))} destinations={destinations} />
          {ready.total > ready.items.length ? <p className="mt-2 text-sm text-slate-700">Showing the {ready.items.length} most recently packed of {ready.total} ready cases.</p> : null}
        </Section>
      ) : null}
      <section aria-labelledby="case-list" className="space-y-3">
        <h2 id="case-list" className="text-lg font-semibold">{STATE_LABEL[query.state]}</h2>
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end" aria-label="Filter cases">
          <div>
            <label htmlFor="case-state" className="block text-sm font-medium text-slate-800">Show</label>
            <select id="case-state" name="state" defaultValue={query.state} className={`${INPUT} mt-1`}>
              {CASE_FILTERS.map((s) => <option key={s} value={s}>{STATE_LABEL[s]}</option>)}
            </select>
          </div>
          <button type="submit" className={BUTTON_SECONDARY}>Show</button>
        </form>
        {page.items.length === 0 ? (
          <EmptyState title={query.state === 'all' ? 'You hold no cases' : `No case is ${STATE_LABEL[query.state].toLowerCase()}`}>
            {canCreate && prefixes.length > 0 ? 'Start a new case above and fill it with packs.' : 'Cases you receive appear here until you ship or unpack them.'}
          </EmptyState>
        ) : (
          <div className={TABLE_WRAP}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>SSCC</th>
                  <th scope="col" className={TH}>Contents</th>
                  <th scope="col" className={TH}>State</th>
                  <th scope="col" className={TH}>Last change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {page.items.map((c) => (
                  <tr key={c.sscc}>
                    <th scope="row" className={`${TD} text-left font-mono`}>
                      <Link href={`/console/cases/${c.sscc}`} className={LINK}>{c.sscc}</Link>
                    </th>
                    <td className={TD}>{caseSummary(c, locale)}</td>
                    <td className={TD}>{c.inTransitTo ? <Badge tone="info">Shipped to {c.inTransitTo}</Badge> : c.packCount + c.caseCount > 0 ? <Badge tone="good">Ready</Badge> : <Badge tone="neutral">Empty</Badge>}</td>
                    <td className={TD}><LocalTime value={c.updatedAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination path="/console/shipping" params={params} page={page.page} pages={page.pages} total={page.total} noun="cases" />
      </section>
    </div>
  );
}
