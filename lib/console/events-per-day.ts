import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

export type TEventsPerDay = {
  /** Every day of the range (UTC), oldest first, with its events by business step. */
  days: { day: string; byStep: Record<string, number>; total: number }[];
  /** Business steps present in the range, most frequent first ('other' for events without one). */
  steps: string[];
  total: number;
};

/**
 * Events per day by business step, for the "events over time" charts: the
 * whole network for the regulator, the events the organisation took part in
 * for everyone else (the same scope as every event read, docs/decisions/050).
 * Days are UTC days of the event time (when it happened, by the scanner's
 * clock; the record time differs only for scans uploaded late), so every
 * reader sees the same bars.
 *
 * requires: `from` <= `to`, both YYYY-MM-DD, at most about a year apart.
 */
export async function eventsPerDay(actor: TActor, range: { from: string; to: string }): Promise<TEventsPerDay> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const since = new Date(`${range.from}T00:00:00Z`);
  const until = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
  const { rows } = await getPool().query<{ day: string; step: string | null; n: number }>(
    `SELECT to_char(date_trunc('day', event_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, biz_step AS step, count(*)::int AS n
       FROM events WHERE event_time >= $1 AND event_time < $2 AND ($3::uuid IS NULL OR party_ids @> ARRAY[$3::uuid])
      GROUP BY 1, 2`,
    [since, until, scope.all ? null : scope.orgId],
  );
  const days = new Map<string, Record<string, number>>();
  for (let t = since.getTime(); t < until.getTime(); t += 86_400_000) days.set(new Date(t).toISOString().slice(0, 10), {});
  const stepTotals = new Map<string, number>();
  for (const r of rows) {
    const step = r.step ?? 'other';
    const day = days.get(r.day);
    if (day) day[step] = (day[step] ?? 0) + r.n;
    stepTotals.set(step, (stepTotals.get(step) ?? 0) + r.n);
  }
  const steps = [...stepTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([step]) => step);
  const list = [...days].map(([day, byStep]) => ({ day, byStep, total: Object.values(byStep).reduce((a, b) => a + b, 0) }));
  return { days: list, steps, total: list.reduce((n, d) => n + d.total, 0) };
}
