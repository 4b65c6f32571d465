import { niceScale } from '@/lib/console/chart-scale';

/**
 * Charts drawn as SVG on the server: geometry in attributes, colours as
 * classes (the CSP forbids style attributes, docs/decisions/013), a title
 * on every bar for pointer users, and the same figures as a table for
 * screen readers and for people who would rather read.
 */
export type TSeries = { key: string; label: string; fill: string; swatch: string };

/** Colours distinguishable with the common colour-vision deficiencies, in order of use. */
export const PALETTE: readonly { fill: string; swatch: string }[] = [
  { fill: 'fill-sky-700', swatch: 'bg-sky-700' },
  { fill: 'fill-amber-500', swatch: 'bg-amber-500' },
  { fill: 'fill-emerald-600', swatch: 'bg-emerald-600' },
  { fill: 'fill-fuchsia-700', swatch: 'bg-fuchsia-700' },
  { fill: 'fill-orange-700', swatch: 'bg-orange-700' },
  { fill: 'fill-sky-300', swatch: 'bg-sky-300' },
  { fill: 'fill-slate-500', swatch: 'bg-slate-500' },
  { fill: 'fill-lime-500', swatch: 'bg-lime-500' },
  { fill: 'fill-rose-400', swatch: 'bg-rose-400' },
  { fill: 'fill-indigo-900', swatch: 'bg-indigo-900' },
];

export type TColumn = { key: string; label: string; tick?: string; values: Record<string, number> };

const W = 720;
const H = 260;
const LEFT = 44;
const BOTTOM = 28;
const TOP = 8;

/** Columns of stacked bars (e.g. events per day by business step), with a legend and a table. */
export function StackedColumns({ id, caption, columns, series, locale, unit }: { id: string; caption: string; columns: TColumn[]; series: TSeries[]; locale: string; unit: string }) {
  const totals = columns.map((c) => series.reduce((n, s) => n + (c.values[s.key] ?? 0), 0));
  const { max, ticks } = niceScale(Math.max(0, ...totals));
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT) / Math.max(1, columns.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const every = Math.max(1, Math.ceil(columns.length / 14));
  const number = new Intl.NumberFormat(locale);
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-3">
      <figcaption id={`${id}-caption`} className="text-sm font-medium text-slate-700">
        {caption}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-caption`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W} y1={y(t)} y2={y(t)} className="stroke-slate-200" strokeWidth={1} />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">
              {number.format(t)}
            </text>
          </g>
        ))}
        {columns.map((column, i) => {
          let base = 0;
          const x = LEFT + i * slot + (slot - barW) / 2;
          return (
            <g key={column.key}>
              {series.map((s) => {
                const value = column.values[s.key] ?? 0;
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect key={s.key} x={x} y={top} width={barW} height={Math.max(height, 0.5)} className={s.fill}>
                    <title>{`${column.label}: ${number.format(value)} ${s.label.toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {i % every === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="fill-slate-600 text-[10px]">
                  {column.tick ?? column.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
      <FiguresTable caption={caption} columns={columns} series={series} number={number} unit={unit} />
    </figure>
  );
}

export function Legend({ series }: { series: TSeries[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${s.swatch}`} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function FiguresTable({ caption, columns, series, number, unit }: { caption: string; columns: TColumn[]; series: TSeries[]; number: Intl.NumberFormat; unit: string }) {
  const shown = series.filter((s) => columns.some((c) => (c.values[s.key] ?? 0) > 0));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Show the figures as a table</summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="min-w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 font-semibold">{unit}</th>
              {shown.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-semibold">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {columns.map((c) => (
              <tr key={c.key}>
                <th scope="row" className="px-2 py-1 font-normal">{c.label}</th>
                {shown.map((s) => (
                  <td key={s.key} className="px-2 py-1 text-right tabular-nums">{number.format(c.values[s.key] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Horizontal bars for a few labelled counts (alerts by code, recalls by class); the numbers are printed beside the bars. */
export function BarList({ id, caption, rows, locale, fill = 'fill-sky-700' }: { id: string; caption: string; rows: { key: string; label: string; value: number; note?: string }[]; locale: string; fill?: string }) {
  const number = new Intl.NumberFormat(locale);
  const { max } = niceScale(Math.max(0, ...rows.map((r) => r.value)));
  return (
    <figure aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="text-sm font-medium text-slate-700">
        {caption}
      </figcaption>
      <dl className="mt-3 space-y-2">
        {rows.map((r) => (
          <div key={r.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr_auto] items-center gap-3 text-sm">
            <dt className="truncate text-slate-800" title={r.label}>
              {r.label}
            </dt>
            <dd className="contents">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 w-full" aria-hidden>
                <rect x={0} y={0} width={100} height={10} className="fill-slate-100" />
                <rect x={0} y={0} width={(r.value / max) * 100} height={10} className={fill} />
              </svg>
              <span className="tabular-nums font-semibold text-slate-900">
                {number.format(r.value)}
                {r.note ? <span className="ml-1 font-normal text-slate-600">{r.note}</span> : null}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
