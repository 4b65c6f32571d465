import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listOrganisations, sealStatusOf } from '@/lib/console';
import { isAppError } from '@/lib/errors';
import { getPack, getPackHistory, type TEventView, type TPackDetail } from '@/lib/events';
import { epcKey, toCanonicalDigitalLinkUri } from '@/lib/gs1';
import { EventList } from '../../../_components/event-list';
import { LocalTime } from '../../../_components/local-time';
import { BUTTON_SECONDARY, LINK, PageHeader, Section } from '../../../_components/page-header';
import { Badge, packStatusTone } from '../../../_components/status-badge';
import { PACK_STATUS_LABEL } from '../../../_lib/labels';
import { formatDay, requestLocale } from '../../../_lib/locale';
import { requireActor } from '../../../_lib/session';

export const metadata: Metadata = { title: 'Pack history' };

type TProps = { params: Promise<{ gtin: string; serial: string }> };

/** Page params arrive percent-encoded (a serial may hold / or %); a malformed escape is taken as typed, and the pack is then simply not found. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** One pack: where it stands, and its whole history as a timeline, each event with its seal and proof. */
export default async function PackHistoryPage({ params }: TProps) {
  const { gtin, serial: encoded } = await params;
  const serial = decodeParam(encoded);
  const actor = await requireActor(`/console/packs/${gtin}/${encoded}`);
  let pack: TPackDetail;
  let history: TEventView[];
  try {
    [pack, history] = await Promise.all([getPack(actor, gtin, serial), getPackHistory(actor, gtin, serial)]);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const [locale, seals, orgs] = await Promise.all([requestLocale(), sealStatusOf(history.map((e) => e.id)), listOrganisations(actor)]);
  const names = new Map(orgs.map((o) => [o.gln, o.name]));
  const link = toCanonicalDigitalLinkUri(epcKey({ gtin, serial }));
  const newestFirst = [...history].reverse();
  return (
    <div className="space-y-6">
      <PageHeader title={`${pack.product.name} · SN ${pack.serial}`} actions={<Link href={`/verify?code=${encodeURIComponent(link)}`} className={BUTTON_SECONDARY}>Public verification page</Link>}>
        <p>
          GTIN <span className="font-mono">{pack.gtin}</span> · lot{' '}
          <Link href={`/console/batches/${pack.batch.id}`} className={`${LINK} font-mono`}>{pack.batch.lot}</Link> · {pack.manufacturer.name}
        </p>
      </PageHeader>
      <Section id="pack-now" title="Now">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Status</dt>
          <dd className="flex flex-wrap gap-2">
            <Badge tone={packStatusTone(pack.status)}>{PACK_STATUS_LABEL[pack.status]}</Badge>
            {pack.batch.recalled ? <Badge tone="bad">Batch recalled</Badge> : null}
            {pack.batch.expired ? <Badge tone="warn">Batch expired</Badge> : null}
            {pack.inTransit ? <Badge tone="info">In transit{pack.inTransitTo ? ` to ${pack.inTransitTo.name}` : ''}</Badge> : null}
          </dd>
          <dt className="font-medium text-slate-700">Held by</dt>
          <dd>{pack.custodian ? pack.custodian.name : pack.status === 'DISPENSED' ? 'Dispensed: no longer in the supply chain' : pack.heldByYou ? 'You' : 'Not shown to you (another organisation of the chain)'}</dd>
          {pack.container ? (
            <>
              <dt className="font-medium text-slate-700">In case</dt>
              <dd className="font-mono">{pack.container}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">Expiry</dt>
          <dd>{formatDay(pack.batch.expiry, locale)}</dd>
          <dt className="font-medium text-slate-700">Commissioned</dt>
          <dd><LocalTime value={pack.commissionedAt} /></dd>
          {pack.dispensedAt ? (
            <>
              <dt className="font-medium text-slate-700">Dispensed</dt>
              <dd><LocalTime value={pack.dispensedAt} /></dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section id="history" title={`History (${history.length} event${history.length === 1 ? '' : 's'}, newest first)`}>
        <EventList events={newestFirst} seals={seals} names={names} detailLinks={actor.orgRole === 'REGULATOR'} locale={locale} epc={link} />
      </Section>
    </div>
  );
}
