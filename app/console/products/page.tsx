import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listProducts, ZProductQuery } from '@/lib/catalog';
import { companyPrefixes, PAGE_SIZE, pageWindow, ZPageParam } from '@/lib/console';
import { LocalTime } from '../_components/local-time';
import { BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, Section, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { Pagination, plainParams } from '../_components/pagination';
import { requireActor } from '../_lib/session';
import { NewProductForm } from './new-product-form';

export const metadata: Metadata = { title: 'Products' };

/** The product catalogue: the manufacturer's own products by default (everyone may read all), with the registration form. */
export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/products');
  const params = plainParams(await searchParams);
  const manufacturer = actor.orgRole === 'MANUFACTURER';
  const scope = params.scope === 'all' || !manufacturer ? 'all' : 'mine';
  const query = ZProductQuery.safeParse({ q: params.q || undefined, mine: scope === 'mine' ? 'true' : undefined });
  const products = await listProducts(actor, query.success ? query.data : {});
  const { page, pages, offset } = pageWindow(products.length, ZPageParam.parse(params.page));
  const shown = products.slice(offset, offset + PAGE_SIZE);
  const writer = can(actor, 'catalog:write');
  return (
    <div className="space-y-6">
      <PageHeader title="Products">{manufacturer ? 'Your medicines by GTIN. Register a product once; its batches and packs follow.' : 'The medicines of the network by GTIN.'}</PageHeader>
      {writer ? (
        <Section id="new-product" title="Register a product">
          <NewProductForm prefixes={await companyPrefixes(actor)} />
        </Section>
      ) : null}
      <section aria-labelledby="product-list" className="space-y-3">
        <h2 id="product-list" className="text-lg font-semibold">
          {scope === 'mine' ? 'Your products' : 'All products'}
        </h2>
        <form method="get" role="search" aria-label="Search products" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="product-q" className="block text-sm font-medium text-slate-800">
              Name or start of GTIN
            </label>
            <input id="product-q" name="q" defaultValue={params.q ?? ''} className={`${INPUT} mt-1`} />
          </div>
          {manufacturer ? (
            <div>
              <label htmlFor="product-scope" className="block text-sm font-medium text-slate-800">
                Show
              </label>
              <select id="product-scope" name="scope" defaultValue={scope} className={`${INPUT} mt-1`}>
                <option value="mine">Your products</option>
                <option value="all">All products of the network</option>
              </select>
            </div>
          ) : null}
          <button type="submit" className={BUTTON_SECONDARY}>
            Search
          </button>
        </form>
        {shown.length === 0 ? (
          <EmptyState title={params.q ? 'No product matches this search' : 'No products yet'}>
            {params.q ? 'Try part of the name, or the first digits of the GTIN.' : writer ? 'Register your first product above: its GTIN, name, form and strength.' : 'Products appear here once manufacturers register them.'}
          </EmptyState>
        ) : (
          <div className={TABLE_WRAP}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Product</th>
                  <th scope="col" className={TH}>GTIN</th>
                  <th scope="col" className={TH}>Form</th>
                  <th scope="col" className={`${TH} text-right`}>Units</th>
                  <th scope="col" className={TH}>Manufacturer</th>
                  <th scope="col" className={TH}>Registered</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {shown.map((p) => (
                  <tr key={p.gtin}>
                    <th scope="row" className={`${TD} text-left font-medium`}>
                      {p.owner.id === actor.orgId || actor.orgRole === 'REGULATOR' ? (
                        <Link href={`/console/batches?gtin=${p.gtin}`} className={LINK}>
                          {p.name}
                        </Link>
                      ) : (
                        p.name
                      )}
                      <span className="block font-normal text-slate-600">{p.strength}</span>
                    </th>
                    <td className={`${TD} font-mono`}>{p.gtin}</td>
                    <td className={TD}>{p.form}</td>
                    <td className={`${TD} text-right tabular-nums`}>{p.packSize}</td>
                    <td className={TD}>{p.owner.name}</td>
                    <td className={TD}>
                      <LocalTime value={p.createdAt} style="date" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination path="/console/products" params={params} page={page} pages={pages} total={products.length} noun="products" />
      </section>
    </div>
  );
}
