import Link from 'next/link';

/** One number of the overview, what it counts, and where to act on it. */
export function FigureCard({ label, value, href, action, tone = 'neutral', locale }: { label: string; value: number; href?: string; action?: string; tone?: 'neutral' | 'warn' | 'bad'; locale: string }) {
  const frame = tone === 'bad' && value > 0 ? 'border-red-300 bg-red-50' : tone === 'warn' && value > 0 ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white';
  return (
    <div className={`flex flex-col justify-between rounded-lg border p-4 ${frame}`}>
      <div>
        <p className="text-sm font-medium text-slate-700">{label}</p>
        <p className="mt-1 text-3xl font-bold tabular-nums text-slate-900">{new Intl.NumberFormat(locale).format(value)}</p>
      </div>
      {href && action ? (
        <Link href={href} className="mt-3 text-sm font-semibold text-brand-700 underline hover:text-brand-800">
          {action}
        </Link>
      ) : null}
    </div>
  );
}
