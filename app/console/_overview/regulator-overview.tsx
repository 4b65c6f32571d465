import Link from 'next/link';
import { getOverview, ZOverviewQuery } from '@/lib/alerts';
import type { TOrgActor } from '@/lib/auth/actor';
import { eventsPerDay } from '@/lib/console';
import { BarList } from '../_components/charts';
import { EventsChart } from '../_components/events-chart';
import { FigureCard } from '../_components/figure-card';
import { LocalTime } from '../_components/local-time';
import { LINK, Section } from '../_components/page-header';
import { Badge } from '../_components/status-badge';
import { periodRange, type TPeriod } from './period';
import { PeriodPicker } from './period-picker';

/** The regulator's network overview: scans over time, alerts by kind, recalls, and the state of the ledger. */
export async function RegulatorOverview({ actor, days, locale }: { actor: TOrgActor; days: TPeriod; locale: string }) {
  const range = periodRange(days);
  const [overview, events] = await Promise.all([getOverview(actor, ZOverviewQuery.parse(range)), eventsPerDay(actor, range)]);
  const { alerts, recalls, ledger } = overview;
  return (
    <>
      <section aria-labelledby="network-figures">
        <h2 id="network-figures" className="sr-only">
          Network figures
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
          <FigureCard label={`Events recorded (last ${days} days)`} value={events.total} href="/console/events" action="Explore the events" locale={locale} />
          <FigureCard label="Open alerts" value={alerts.open} href="/console/alerts" action="Work the alerts" tone="bad" locale={locale} />
          <FigureCard label="Open recalls" value={recalls.open} href="/console/recalls?status=OPEN" action="See the recalls" tone="warn" locale={locale} />
          <FigureCard label="Events waiting to be sealed" value={ledger.unsealedEvents} href="/console/ledger" action="Ledger and audit" locale={locale} />
        </div>
      </section>
      <Section id="events-over-time" title="Events over time" actions={<PeriodPicker path="/console" current={days} />}>
        <EventsChart id="network-events" caption={`Events of the whole network per day, by business step (last ${days} days)`} data={events} locale={locale} />
      </Section>
      <div className="grid gap-4 xl:grid-cols-2">
        <Section id="alerts-by-code" title="Alerts by kind">
          {alerts.byCode.length === 0 ? (
            <p className="text-slate-700">No alerts in this period.</p>
          ) : (
            <BarList id="alerts-chart" caption={`Alerts seen in the last ${days} days, by kind (open now in brackets)`} rows={alerts.byCode.map((a) => ({ key: a.code, label: a.title, value: a.count, note: `(${a.open} open)` }))} locale={locale} fill="fill-red-700" />
          )}
          {alerts.confirmedFalsifications > 0 ? <p className="mt-3 font-semibold text-red-800">{alerts.confirmedFalsifications} confirmed falsification{alerts.confirmedFalsifications === 1 ? '' : 's'} in this period.</p> : null}
        </Section>
        <Section id="recalls" title="Recalls">
          <BarList id="recalls-chart" caption="Open recalls by class (I: may cause serious harm)" rows={(['I', 'II', 'III'] as const).map((c) => ({ key: c, label: `Class ${c}`, value: recalls.openByClass[c] }))} locale={locale} fill="fill-amber-600" />
          <p className="mt-3 text-sm text-slate-700">
            {recalls.openedInPeriod} opened and {recalls.closedInPeriod} closed in the last {days} days.{' '}
            <Link href="/console/recalls" className={LINK}>
              All recalls
            </Link>
          </p>
        </Section>
      </div>
      <Section id="ledger" title="Ledger" actions={<Link href="/console/ledger" className={LINK}>Ledger and audit</Link>}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Last sealed period</dt>
          <dd>{ledger.lastSeal ? <>#{ledger.lastSeal.seq}, {ledger.lastSeal.treeSize} events, sealed <LocalTime value={ledger.lastSeal.sealedAt} /></> : 'Nothing sealed yet'}</dd>
          <dt className="font-medium text-slate-700">Latest checkpoint</dt>
          <dd>{ledger.lastCheckpoint ? <>Anchor log size {ledger.lastCheckpoint.treeSize}, signed <LocalTime value={ledger.lastCheckpoint.createdAt} /></> : 'None yet'}</dd>
          <dt className="font-medium text-slate-700">Last audit</dt>
          <dd>
            {ledger.lastAudit ? (
              <>
                {ledger.lastAudit.ok === true ? <Badge tone="good">Passed</Badge> : ledger.lastAudit.ok === false ? <Badge tone="bad">Failed</Badge> : <Badge tone="neutral">Did not finish</Badge>} <LocalTime value={ledger.lastAudit.startedAt} />
                {ledger.lastAudit.firstFailure ? <span className="block text-sm text-red-800">{ledger.lastAudit.firstFailure}</span> : null}
              </>
            ) : (
              'Never run'
            )}
          </dd>
        </dl>
      </Section>
    </>
  );
}
