import type { TEventsPerDay } from '@/lib/console/events-per-day';
import { bizStepLabel } from '../_lib/labels';
import { PALETTE, StackedColumns, type TSeries } from './charts';

/** Events per day by business step, as stacked columns. */
export function EventsChart({ id, caption, data, locale }: { id: string; caption: string; data: TEventsPerDay; locale: string }) {
  const series: TSeries[] = data.steps.map((step, i) => ({ key: step, label: bizStepLabel(step === 'other' ? null : step), ...(PALETTE[i % PALETTE.length] as (typeof PALETTE)[number]) }));
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const columns = data.days.map((d) => ({ key: d.day, label: day.format(new Date(`${d.day}T00:00:00Z`)), values: d.byStep }));
  if (data.total === 0) return <p className="text-slate-700">No events in this period yet. Scans appear here the day they are recorded.</p>;
  return <StackedColumns id={id} caption={caption} columns={columns} series={series} locale={locale} unit="Day (UTC)" />;
}
