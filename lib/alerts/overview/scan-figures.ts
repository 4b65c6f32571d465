import type { Queryable } from '@/lib/db';
import type { TOverview, TOverviewRange } from './overview-schemas';

/** Events recorded in the period (every scan is an event), by business step and by day (UTC). */
export async function scanFigures(db: Queryable, range: TOverviewRange): Promise<TOverview['scans']> {
  const { rows } = await db.query<{ biz_step: string | null; day: string; n: number }>(
    `SELECT biz_step, to_char(date_trunc('day', record_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS n
       FROM events WHERE record_time >= $1 AND record_time < $2 GROUP BY 1, 2`,
    [range.since, range.until],
  );
  const byStep = new Map<string | null, number>();
  const byDay = new Map<string, number>();
  for (const r of rows) {
    byStep.set(r.biz_step, (byStep.get(r.biz_step) ?? 0) + r.n);
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.n);
  }
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    byBizStep: [...byStep].map(([bizStep, count]) => ({ bizStep, count })).sort((a, b) => b.count - a.count),
    byDay: [...byDay].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day)),
  };
}
