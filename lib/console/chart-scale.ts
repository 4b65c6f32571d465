/**
 * Axis scales for the console's hand-drawn SVG charts: a maximum rounded
 * up to 1, 2 or 5 times a power of ten, and evenly spaced whole-number
 * ticks, so gridlines fall on numbers people read at a glance.
 */
export function niceScale(maxValue: number, tickCount = 4): { max: number; ticks: number[] } {
  if (!Number.isFinite(maxValue) || maxValue <= 0) return { max: 1, ticks: [0, 1] };
  const rough = maxValue / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) as number;
  const stepWhole = Math.max(1, Math.round(step));
  const max = Math.ceil(maxValue / stepWhole) * stepWhole;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += stepWhole) ticks.push(t);
  return { max, ticks };
}

/** Short numbers for axes: 1,200 -> "1.2k", 3,000,000 -> "3M". */
export function compactNumber(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
