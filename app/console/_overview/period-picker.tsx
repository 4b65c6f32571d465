import Link from 'next/link';
import { PERIODS, type TPeriod } from './period';

/** Links to the same page over another period; the chosen one is marked for screen readers too. */
export function PeriodPicker({ path, current }: { path: string; current: TPeriod }) {
  return (
    <nav aria-label="Period" className="flex gap-1 text-sm">
      {PERIODS.map((days) => (
        <Link
          key={days}
          href={`${path}?days=${days}`}
          aria-current={days === current ? 'true' : undefined}
          className={`rounded-md border px-3 py-1.5 font-medium ${days === current ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
        >
          {days} days
        </Link>
      ))}
    </nav>
  );
}
