import type { TOrgActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { consoleFigures, eventsPerDay, listIncoming } from '@/lib/console';
import { EventsChart } from '../_components/events-chart';
import { FigureCard } from '../_components/figure-card';
import { Section } from '../_components/page-header';
import { periodRange, type TPeriod } from './period';
import { PeriodPicker } from './period-picker';

/** The overview of a manufacturer, distributor or pharmacy: today's work first, then its own events over time. */
export async function TraderOverview({ actor, days, locale }: { actor: TOrgActor; days: TPeriod; locale: string }) {
  const [figures, incoming, events] = await Promise.all([consoleFigures(actor), actor.orgRole === 'MANUFACTURER' ? Promise.resolve([]) : listIncoming(actor), eventsPerDay(actor, periodRange(days))]);
  const incomingItems = incoming.reduce((n, s) => n + s.items.length, 0);
  const writes = can(actor, 'events:write');
  return (
    <>
      <section aria-labelledby="today">
        <h2 id="today" className="sr-only">
          Today
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {actor.orgRole === 'MANUFACTURER' ? (
            <>
              <FigureCard label="Active batches" value={figures.activeBatches} href="/console/batches?status=active" action="Open the batches" locale={locale} />
              <FigureCard label="Packs commissioned in the last 30 days" value={figures.commissioned30d} href="/console/batches" action="Commission packs" locale={locale} />
              <FigureCard label="Cases ready to ship" value={figures.casesReady} href="/console/shipping?state=ready" action="Pack and ship" locale={locale} />
            </>
          ) : (
            <>
              <FigureCard label="Items on their way to you" value={incomingItems} href="/console/station" action={writes ? 'Receive them at the station' : 'See what is coming'} locale={locale} />
              {actor.orgRole === 'PHARMACY' ? <FigureCard label="Dispensing scans today (UTC)" value={figures.dispensedToday} href="/console/dispense" action="Open the dispensing screen" locale={locale} /> : null}
            </>
          )}
          <FigureCard label="Packs in stock, free to use" value={figures.stock.available} href="/console/stock" action="See the stock" locale={locale} />
          <FigureCard label="Packs expiring within 90 days" value={figures.stock.expiringSoon} href="/console/stock?view=expiring" action="Use these first" tone="warn" locale={locale} />
          <FigureCard label="Recalled or expired packs held" value={figures.stock.recalled + figures.stock.expired} href="/console/stock?view=blocked" action="Quarantine and return them" tone="bad" locale={locale} />
          {can(actor, 'alerts:read') ? <FigureCard label="Open alerts" value={figures.openAlerts} href="/console/alerts" action="Work the alerts" tone="bad" locale={locale} /> : null}
        </div>
      </section>
      <Section id="activity" title="Your events over time" actions={<PeriodPicker path="/console" current={days} />}>
        <EventsChart id="own-events" caption={`Events ${actor.orgName} took part in, per day, by business step (last ${days} days)`} data={events} locale={locale} />
      </Section>
    </>
  );
}
