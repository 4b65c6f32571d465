import type { Queryable } from '@/lib/db';
import type { TOverview, TOverviewRange } from './overview-schemas';

/** Open recalls by class, and recalls opened and closed in the period. */
export async function recallFigures(db: Queryable, range: TOverviewRange): Promise<TOverview['recalls']> {
  const { rows } = await db.query<{ i: number; ii: number; iii: number; opened: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE status = 'OPEN' AND class = 'I')::int AS i,
            count(*) FILTER (WHERE status = 'OPEN' AND class = 'II')::int AS ii,
            count(*) FILTER (WHERE status = 'OPEN' AND class = 'III')::int AS iii,
            count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS opened,
            count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2)::int AS closed
       FROM recalls`,
    [range.since, range.until],
  );
  const r = rows[0] ?? { i: 0, ii: 0, iii: 0, opened: 0, closed: 0 };
  return { open: r.i + r.ii + r.iii, openByClass: { I: r.i, II: r.ii, III: r.iii }, openedInPeriod: r.opened, closedInPeriod: r.closed };
}
