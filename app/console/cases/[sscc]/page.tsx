import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { listCases, listLoosePacks } from '@/lib/console';
import { isAppError } from '@/lib/errors';
import { getContainer, type TContainerDetail } from '@/lib/events';
import { BUTTON_SECONDARY, LINK, PageHeader, Section } from '../../_components/page-header';
import { Badge } from '../../_components/status-badge';
import { caseSummary } from '../../_lib/case-summary';
import { formatDay, requestLocale } from '../../_lib/locale';
import { requireActor } from '../../_lib/session';
import { FillCaseForm } from './fill-case-form';
import { ScanIntoCase } from './scan-into-case';

export const metadata: Metadata = { title: 'Case' };

/** One case: what is in it, filling it (from a batch, or by scanning packs), and its SSCC label. */
export default async function CasePage({ params }: { params: Promise<{ sscc: string }> }) {
  const { sscc } = await params;
  const actor = await requireActor(`/console/cases/${sscc}`);
  let container: TContainerDetail;
  try {
    container = await getContainer(actor, sscc);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const [locale, held, loose] = await Promise.all([requestLocale(), listCases(actor, { state: 'all', page: 1, sscc }), container.heldByYou ? listLoosePacks(actor) : []]);
  const view = held.items[0];
  const fillable = container.heldByYou && !container.inTransit && container.status === 'ACTIVE' && can(actor, 'events:write');
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Case ${sscc}`}
        actions={
          <>
            <Link href={`/console/cases/${sscc}/label`} className={BUTTON_SECONDARY}>Print SSCC label</Link>
            <Link href="/console/shipping#ship" className={BUTTON_SECONDARY}>Ship cases</Link>
          </>
        }
      >
        <p>
          {container.status !== 'ACTIVE' ? <Badge tone="neutral">{container.status === 'UNPACKED' ? 'Unpacked' : 'Destroyed'}</Badge> : container.inTransit ? <Badge tone="info">Shipped{container.inTransitTo ? ` to ${container.inTransitTo.name}` : ''}, not yet received</Badge> : container.heldByYou ? <Badge tone="good">With you</Badge> : <Badge tone="neutral">Not with you</Badge>}
          {container.parent ? <> · on pallet <Link href={`/console/cases/${container.parent}`} className={LINK}>{container.parent}</Link></> : null}
        </p>
      </PageHeader>
      <Section id="contents" title="Contents">
        {view ? (
          <>
            <p className="text-slate-800">{caseSummary(view, locale)}</p>
            {view.lines.length > 0 ? (
              <ul className="mt-2 text-sm text-slate-700">
                {view.lines.map((l) => <li key={l.lot}>Lot {l.lot}: expires {formatDay(l.expiry, locale)}</li>)}
              </ul>
            ) : null}
          </>
        ) : (
          <p className="text-slate-800">
            {container.contents.packCount} pack{container.contents.packCount === 1 ? '' : 's'}
            {container.contents.containerCount > 0 ? ` and ${container.contents.containerCount} case${container.contents.containerCount === 1 ? '' : 's'}` : ''}
          </p>
        )}
      </Section>
      {fillable ? (
        <>
          <Section id="fill" title="Fill from a batch">
            {loose.length > 0 ? (
              <FillCaseForm sscc={sscc} batches={loose.map((b) => ({ batchId: b.batchId, label: `${b.productName}, lot ${b.lot} (expires ${formatDay(b.expiry, locale)})`, loose: b.loose }))} />
            ) : (
              <p className="text-slate-700">You hold no loose packs that can be packed. Commission packs of a batch first, or scan packs below.</p>
            )}
          </Section>
          <Section id="scan" title="Scan packs into the case">
            <ScanIntoCase sscc={sscc} />
          </Section>
        </>
      ) : null}
    </div>
  );
}
