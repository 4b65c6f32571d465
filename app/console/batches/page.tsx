import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listProducts } from '@/lib/catalog';
import { BATCH_STATUS_FILTERS, listBatchPage, ZBatchPageQuery } from '@/lib/console';
import { BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, Section, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { Pagination, plainParams } from '../_components/pagination';
import { Badge } from '../_components/status-badge';
import { formatCount, formatDay, requestLocale } from '../_lib/locale';
import { requireActor } from '../_lib/session';
import { NewBatchForm } from './new-batch-form';

export const metadata: Metadata = { title: 'Batches' };

const STATUS_LABEL: Record<(typeof BATCH_STATUS_FILTERS)[number], string> = {
  all: 'All batches',
  active: 'Active',
  expiring: 'Expiring within 90 days',
  expired: 'Expired',
  recalled: 'Recalled',
};

/** Batches the organisation may see, searched and paged on the server; manufacturers register new ones here. */
export default async function BatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/batches');
  const params = plainParams(await searchParams);
  const query = ZBatchPageQuery.parse(params);
  const [page, locale] = await Promise.all([listBatchPage(actor, query), requestLocale()]);
  const writer = can(actor, 'catalog:write');
  const own = writer ? await listProducts(actor, { mine: 'true' }) : [];
  const filtered = Boolean(query.q || query.gtin || query.status !== 'all');
  return (
    <div className="space-y-6">
      <PageHeader title="Batches">
        {actor.orgRole === 'REGULATOR' ? 'Every batch of the network.' : actor.orgRole === 'MANUFACTURER' ? 'Your lots: register one, commission its packs, print labels, follow its packs.' : 'Batches of the packs you hold.'}
      </PageHeader>
      {writer ? (
        <Section id="new-batch" title="Register a batch">
          {own.length === 0 ? (
            <p className="text-slate-700">
              Register a product first on the{' '}
              <Link href="/console/products" className={LINK}>
                products page
              </Link>
              .
            </p>
          ) : (
            <NewBatchForm products={own.map((p) => ({ gtin: p.gtin, name: p.name, strength: p.strength }))} preselect={query.gtin} />
          )}
        </Section>
      ) : null}
      <section aria-labelledby="batch-list" className="space-y-3">
        <h2 id="batch-list" className="text-lg font-semibold">
          {STATUS_LABEL[query.status]}
          {query.gtin ? ` of GTIN ${query.gtin}` : ''}
        </h2>
        <form method="get" role="search" aria-label="Search batches" className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
          {query.gtin ? <input type="hidden" name="gtin" value={query.gtin} /> : null}
          <div>
            <label htmlFor="batch-q" className="block text-sm font-medium text-slate-800">
              Lot, product name or GTIN
            </label>
            <input id="batch-q" name="q" defaultValue={query.q ?? ''} className={`${INPUT} mt-1`} />
          </div>
          <div>
            <label htmlFor="batch-status" className="block text-sm font-medium text-slate-800">
              Status
            </label>
            <select id="batch-status" name="status" defaultValue={query.status} className={`${INPUT} mt-1`}>
              {BATCH_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={BUTTON_SECONDARY}>
            Show
          </button>
        </form>
        {page.items.length === 0 ? (
          <EmptyState title={filtered ? 'No batch matches' : 'No batches yet'}>
            {filtered ? (
              <Link href="/console/batches" className={LINK}>
                Show all batches
              </Link>
            ) : writer ? (
              'Register a batch above, then commission its packs.'
            ) : (
              'Batches appear here when you hold packs of them.'
            )}
          </EmptyState>
        ) : (
          <div className={TABLE_WRAP}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Lot</th>
                  <th scope="col" className={TH}>Product</th>
                  <th scope="col" className={TH}>Expiry</th>
                  <th scope="col" className={TH}>Status</th>
                  <th scope="col" className={`${TH} text-right`}>Packs</th>
                  <th scope="col" className={`${TH} text-right`}>In your stock</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {page.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row" className={`${TD} text-left font-mono font-semibold`}>
                      <Link href={`/console/batches/${b.id}`} className={LINK}>
                        {b.lot}
                      </Link>
                    </th>
                    <td className={TD}>
                      {b.productName}
                      <span className="block font-mono text-xs text-slate-600">{b.gtin}</span>
                    </td>
                    <td className={TD}>{formatDay(b.expiry, locale)}</td>
                    <td className={TD}>{b.status === 'RECALLED' ? <Badge tone="bad">Recalled</Badge> : b.expired ? <Badge tone="warn">Expired</Badge> : <Badge tone="good">Active</Badge>}</td>
                    <td className={`${TD} text-right tabular-nums`}>{b.packs === null ? '—' : formatCount(b.packs, locale)}</td>
                    <td className={`${TD} text-right tabular-nums`}>{formatCount(b.held, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination path="/console/batches" params={params} page={page.page} pages={page.pages} total={page.total} noun="batches" />
      </section>
    </div>
  );
}
