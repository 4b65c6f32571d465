import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { EXPIRING_DAYS, listOrganisations, PAGE_SIZE, pageWindow, stockByExpiry, ZPageParam } from '@/lib/console';
import { getStock, type TStockLine } from '@/lib/events';
import { StackedColumns } from '../_components/charts';
import { BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, Section, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { Pagination, plainParams } from '../_components/pagination';
import { Badge } from '../_components/status-badge';
import { formatCount, formatDay, formatMonth, requestLocale, todayUtc } from '../_lib/locale';
import { requireActor } from '../_lib/session';

export const metadata: Metadata = { title: 'Stock' };

const VIEWS = { all: 'All stock', expiring: `Expiring within ${EXPIRING_DAYS} days`, blocked: 'Recalled or expired', 'in-transit': 'Shipped, not yet received' } as const;
type TView = keyof typeof VIEWS;

function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function inView(line: TStockLine, view: TView, today: string): boolean {
  if (view === 'expiring') return line.available > 0 && !line.expired && daysUntil(line.expiry, today) < EXPIRING_DAYS;
  if (view === 'blocked') return line.recalled + line.expiredPacks > 0;
  if (view === 'in-transit') return line.inTransit > 0;
  return true;
}

/** What the organisation holds, by product and batch, with expiry warnings and a chart of stock by month of expiry. */
export default async function StockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/stock');
  const params = plainParams(await searchParams);
  const regulator = can(actor, 'network:read');
  const orgs = regulator ? await listOrganisations(actor, { roles: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY'] }) : [];
  const orgId = regulator ? (orgs.find((o) => o.id === params.org)?.id ?? null) : actor.orgId;
  const view: TView = params.view && params.view in VIEWS ? (params.view as TView) : 'all';
  const q = (params.q ?? '').trim().toLowerCase();
  const [locale, lines] = await Promise.all([requestLocale(), orgId ? getStock(actor, { orgId }) : Promise.resolve([])]);
  const today = todayUtc();
  const matching = lines.filter((l) => inView(l, view, today) && (!q || l.productName.toLowerCase().includes(q) || l.lot.toLowerCase().startsWith(q) || l.gtin.startsWith(q)));
  const { page, pages, offset } = pageWindow(matching.length, ZPageParam.parse(params.page));
  const buckets = stockByExpiry(lines, today);
  const holder = regulator ? orgs.find((o) => o.id === orgId)?.name : actor.orgName;
  return (
    <div className="space-y-6">
      <PageHeader title="Stock">{regulator ? 'The stock of any organisation of the network.' : 'What you hold, by product and batch. Use the oldest expiry first; recalled and expired packs must not go to patients.'}</PageHeader>
      {regulator ? (
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end" aria-label="Choose an organisation">
          <div className="flex-1">
            <label htmlFor="stock-org" className="block text-sm font-medium text-slate-800">Organisation</label>
            <select id="stock-org" name="org" defaultValue={orgId ?? ''} className={`${INPUT} mt-1`}>
              <option value="">Choose an organisation…</option>
              {orgs.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
          <button type="submit" className={BUTTON_SECONDARY}>Show stock</button>
        </form>
      ) : null}
      {orgId && lines.length > 0 ? (
        <Section id="by-expiry" title="Stock by month of expiry">
          <StackedColumns
            id="expiry-chart"
            caption={`Packs ${holder ? `held by ${holder}` : ''} by month of expiry: free to use, and blocked (recalled or expired)`}
            columns={buckets.map((b) => ({ key: b.key, label: b.key === 'expired' ? 'Expired' : b.key === 'later' ? 'Later' : formatMonth(b.key, locale), values: { available: b.available, blocked: b.blocked } }))}
            series={[
              { key: 'available', label: 'Free to use', fill: 'fill-sky-700', swatch: 'bg-sky-700' },
              { key: 'blocked', label: 'Recalled or expired', fill: 'fill-red-700', swatch: 'bg-red-700' },
            ]}
            locale={locale}
            unit="Month of expiry"
          />
        </Section>
      ) : null}
      {orgId ? (
        <section aria-labelledby="stock-lines" className="space-y-3">
          <h2 id="stock-lines" className="text-lg font-semibold">{VIEWS[view]}</h2>
          <form method="get" role="search" aria-label="Filter the stock" className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
            {regulator ? <input type="hidden" name="org" value={orgId} /> : null}
            <div>
              <label htmlFor="stock-q" className="block text-sm font-medium text-slate-800">Product, lot or GTIN</label>
              <input id="stock-q" name="q" defaultValue={params.q ?? ''} className={`${INPUT} mt-1`} />
            </div>
            <div>
              <label htmlFor="stock-view" className="block text-sm font-medium text-slate-800">Show</label>
              <select id="stock-view" name="view" defaultValue={view} className={`${INPUT} mt-1`}>
                {(Object.keys(VIEWS) as TView[]).map((v) => <option key={v} value={v}>{VIEWS[v]}</option>)}
              </select>
            </div>
            <button type="submit" className={BUTTON_SECONDARY}>Show</button>
          </form>
          {matching.length === 0 ? (
            <EmptyState title={lines.length === 0 ? 'No stock' : 'Nothing matches'}>
              {lines.length === 0 ? (regulator ? 'This organisation holds no packs.' : actor.orgRole === 'MANUFACTURER' ? 'Commission packs of a batch to have stock.' : <>Receive deliveries at the <Link href="/console/station" className={LINK}>station</Link> to have stock.</>) : <Link href={regulator ? `/console/stock?org=${orgId}` : '/console/stock'} className={LINK}>Show all stock</Link>}
            </EmptyState>
          ) : (
            <div className={TABLE_WRAP}>
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={TH}>Product</th>
                    <th scope="col" className={TH}>Lot</th>
                    <th scope="col" className={TH}>Expiry</th>
                    <th scope="col" className={`${TH} text-right`}>Free to use</th>
                    <th scope="col" className={`${TH} text-right`}>In transit</th>
                    <th scope="col" className={`${TH} text-right`}>Blocked</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {matching.slice(offset, offset + PAGE_SIZE).map((l) => {
                    const days = daysUntil(l.expiry, today);
                    return (
                      <tr key={l.batchId}>
                        <th scope="row" className={`${TD} text-left font-medium`}>{l.productName}<span className="block font-mono text-xs font-normal text-slate-600">{l.gtin}</span></th>
                        <td className={`${TD} font-mono`}><Link href={`/console/batches/${l.batchId}`} className={LINK}>{l.lot}</Link></td>
                        <td className={TD}>
                          {formatDay(l.expiry, locale)}{' '}
                          {l.batchRecalled ? <Badge tone="bad">Recalled</Badge> : l.expired ? <Badge tone="bad">Expired</Badge> : days < EXPIRING_DAYS ? <Badge tone="warn">In {days} day{days === 1 ? '' : 's'}</Badge> : null}
                        </td>
                        <td className={`${TD} text-right tabular-nums font-semibold`}>{formatCount(l.available, locale)}</td>
                        <td className={`${TD} text-right tabular-nums`}>{formatCount(l.inTransit, locale)}</td>
                        <td className={`${TD} text-right tabular-nums ${l.recalled + l.expiredPacks > 0 ? 'font-semibold text-red-800' : ''}`}>{formatCount(l.recalled + l.expiredPacks, locale)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination path="/console/stock" params={params} page={page} pages={pages} total={matching.length} noun="batches in stock" />
        </section>
      ) : null}
    </div>
  );
}
