import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { getBatch, type TBatchDetail } from '@/lib/catalog';
import { listBatchPacks, listCommissionRuns, listOrganisations, PACK_STATUS_FILTERS, sealStatusOf, ZBatchPacksQuery } from '@/lib/console';
import { isAppError } from '@/lib/errors';
import { getBatchHistory } from '@/lib/events';
import { BarList } from '../../_components/charts';
import { EventList } from '../../_components/event-list';
import { LocalTime } from '../../_components/local-time';
import { BUTTON_SECONDARY, EmptyState, INPUT, LINK, PageHeader, Section, TABLE_WRAP, TD, TH } from '../../_components/page-header';
import { Pagination, plainParams, withQuery } from '../../_components/pagination';
import { Badge, packStatusTone } from '../../_components/status-badge';
import { PACK_STATUS_LABEL } from '../../_lib/labels';
import { formatCount, formatDay, requestLocale } from '../../_lib/locale';
import { requireActor } from '../../_lib/session';
import { CommissionPanel } from './commission-panel';

export const metadata: Metadata = { title: 'Batch' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const WHERE_LABEL = { 'with-you': 'With you', 'in-transit': 'In transit', 'in-supply-chain': 'In the supply chain', 'out-of-chain': 'Left the supply chain' } as const;

/** One batch: status and pack counts, commissioning with progress, labels, its packs and its events with their proofs. */
export default async function BatchPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor(`/console/batches/${id}`);
  const search = plainParams(await searchParams);
  let batch: TBatchDetail;
  try {
    batch = await getBatch(actor, id);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const owner = batch.owner.id === actor.orgId;
  const whole = batch.scope === 'batch';
  const packsQuery = ZBatchPacksQuery.parse(search);
  const [locale, packs, runs, history, orgs] = await Promise.all([
    requestLocale(),
    whole ? listBatchPacks(actor, id, packsQuery) : null,
    owner ? listCommissionRuns(actor, batch) : [],
    getBatchHistory(actor, id, { before: /^\d+$/.test(search.eventsBefore ?? '') ? search.eventsBefore : undefined, limit: 20 }),
    listOrganisations(actor),
  ]);
  const seals = await sealStatusOf(history.items.map((e) => e.id));
  const names = new Map(orgs.map((o) => [o.gln, o.name]));
  const commissions = owner && can(actor, 'serials:commission');
  const usable = batch.status === 'ACTIVE' && !batch.expired;
  const path = `/console/batches/${id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Lot ${batch.lot}`}
        actions={
          commissions && batch.packs.total > 0 ? (
            <>
              <Link href={`${path}/labels`} className={BUTTON_SECONDARY}>Print labels</Link>
              <a href={`${path}/serials`} className={BUTTON_SECONDARY} download>Serial list (CSV)</a>
            </>
          ) : null
        }
      >
        <p>
          {batch.productName} · GTIN <span className="font-mono">{batch.gtin}</span> · {batch.owner.name}
        </p>
      </PageHeader>
      <Section id="batch-status" title="Status">
        <div className="grid gap-6 lg:grid-cols-2">
          <dl className="grid grid-cols-[max-content_1fr] content-start gap-x-6 gap-y-2">
            <dt className="font-medium text-slate-700">Status</dt>
            <dd>{batch.status === 'RECALLED' ? <Badge tone="bad">Recalled</Badge> : batch.expired ? <Badge tone="warn">Expired</Badge> : <Badge tone="good">Active</Badge>}</dd>
            <dt className="font-medium text-slate-700">Expiry</dt>
            <dd>{formatDay(batch.expiry, locale)}</dd>
            {batch.manufacturedOn ? (
              <>
                <dt className="font-medium text-slate-700">Manufactured</dt>
                <dd>{formatDay(batch.manufacturedOn, locale)}</dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-700">{whole ? 'Packs' : 'Your packs'}</dt>
            <dd className="tabular-nums">{formatCount(batch.packs.total, locale)}{batch.packs.incoming > 0 ? ` (and ${formatCount(batch.packs.incoming, locale)} on their way to you)` : ''}</dd>
          </dl>
          {batch.packs.total > 0 ? (
            <BarList id="pack-status" caption={whole ? 'Packs of the batch by status' : 'Your packs of the batch by status'} rows={(Object.keys(PACK_STATUS_LABEL) as (keyof typeof batch.packs)[]).map((s) => ({ key: s, label: PACK_STATUS_LABEL[s] as string, value: batch.packs[s] }))} locale={locale} />
          ) : null}
        </div>
        {owner && can(actor, 'recall:write') && batch.status === 'ACTIVE' ? (
          <p className="mt-4 text-sm text-slate-700">
            A quality problem with this lot?{' '}
            <Link href="/console/recalls#new-recall" className={LINK}>
              Recall the batch
            </Link>{' '}
            (GTIN {batch.gtin}, lot {batch.lot}).
          </p>
        ) : null}
      </Section>
      {commissions ? (
        <Section id="commission" title="Commission packs">
          {usable ? (
            <>
              <p className="mb-4 text-slate-700">Random, non-guessable serial numbers, recorded as one commissioning event. Large runs take a few seconds; the bar shows how far it is.</p>
              <CommissionPanel batchId={id} lot={batch.lot} />
            </>
          ) : (
            <p className="text-slate-700">A {batch.status === 'RECALLED' ? 'recalled' : 'expired'} batch cannot get new packs.</p>
          )}
          {runs.length > 0 ? (
            <div className={`${TABLE_WRAP} mt-6`}>
              <table className="min-w-full text-sm">
                <caption className="px-3 py-2 text-left font-semibold text-slate-900">Commissioning runs</caption>
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={TH}>When</th>
                    <th scope="col" className={`${TH} text-right`}>Packs</th>
                    <th scope="col" className={TH}><span className="sr-only">Labels and serial list</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {runs.map((r) => (
                    <tr key={r.id}>
                      <td className={TD}><LocalTime value={r.eventTime} /></td>
                      <td className={`${TD} text-right tabular-nums`}>{formatCount(r.count, locale)}</td>
                      <td className={`${TD} space-x-3 text-right`}>
                        <Link href={`${path}/labels?run=${r.id}`} className={LINK}>Labels</Link>
                        <a href={`${path}/serials?run=${r.id}`} className={LINK} download>CSV</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      ) : null}
      {packs ? (
        <Section id="packs" title="Packs">
          <form method="get" action={`${path}#packs`} role="search" aria-label="Find packs" className="mb-3 grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
            <div>
              <label htmlFor="pack-serial" className="block text-sm font-medium text-slate-800">Serial starts with</label>
              <input id="pack-serial" name="serial" defaultValue={packsQuery.serial ?? ''} maxLength={20} className={`${INPUT} mt-1 font-mono`} />
            </div>
            <div>
              <label htmlFor="pack-status" className="block text-sm font-medium text-slate-800">Status</label>
              <select id="pack-status" name="packStatus" defaultValue={packsQuery.packStatus} className={`${INPUT} mt-1`}>
                {PACK_STATUS_FILTERS.map((s) => <option key={s} value={s}>{s === 'all' ? 'Any status' : PACK_STATUS_LABEL[s]}</option>)}
              </select>
            </div>
            <button type="submit" className={BUTTON_SECONDARY}>Show</button>
          </form>
          {packs.items.length === 0 ? (
            <EmptyState title={batch.packs.total === 0 ? 'No packs yet' : 'No pack matches'}>{batch.packs.total === 0 ? (commissions ? 'Commission packs above.' : 'The manufacturer has not commissioned packs of this batch yet.') : <Link href={`${path}#packs`} className={LINK}>Show all packs</Link>}</EmptyState>
          ) : (
            <div className={TABLE_WRAP}>
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={TH}>Serial</th>
                    <th scope="col" className={TH}>Status</th>
                    <th scope="col" className={TH}>Where</th>
                    <th scope="col" className={TH}>Case</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {packs.items.map((p) => (
                    <tr key={p.serial}>
                      <th scope="row" className={`${TD} text-left font-mono`}>
                        <Link href={`/console/packs/${batch.gtin}/${encodeURIComponent(p.serial)}`} className={LINK}>{p.serial}</Link>
                      </th>
                      <td className={TD}><Badge tone={packStatusTone(p.status)}>{PACK_STATUS_LABEL[p.status]}</Badge></td>
                      <td className={TD}>{p.holder ?? WHERE_LABEL[p.whereabouts]}{p.holder && p.whereabouts === 'in-transit' ? ' (shipping)' : ''}</td>
                      <td className={`${TD} font-mono`}>{p.sscc ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination path={path} params={search} page={packs.page} pages={packs.pages} total={packs.total} noun="packs" pageParam="packPage" />
        </Section>
      ) : null}
      <Section id="events" title="Events">
        {history.items.length === 0 ? (
          <p className="text-slate-700">No events yet. Commissioning the first packs records the first one.</p>
        ) : (
          <EventList events={history.items} seals={seals} names={names} detailLinks={actor.orgRole === 'REGULATOR'} locale={locale} />
        )}
        {history.nextBefore ? (
          <Link href={withQuery(path, search, { eventsBefore: history.nextBefore }) + '#events'} className={`${LINK} mt-3 inline-block`}>
            Older events →
          </Link>
        ) : null}
        {search.eventsBefore ? (
          <Link href={withQuery(path, search, { eventsBefore: undefined }) + '#events'} className={`${LINK} ml-4 mt-3 inline-block`}>
            Newest events
          </Link>
        ) : null}
      </Section>
      {!owner && actor.orgRole !== 'REGULATOR' ? (
        <p className="text-sm text-slate-600">
          You see the packs of this batch you hold or held, and the events you took part in. <Link href="/console/stock" className={LINK}>Your stock</Link>
        </p>
      ) : null}
    </div>
  );
}
