import type { Queryable } from '@/lib/db';
import { alertTitle } from '../alert-codes';
import type { TOverview, TOverviewRange } from './overview-schemas';

/** Alerts seen in the period by code, severity and country of the organisation that raised them; open ones whenever raised. */
export async function alertFigures(db: Queryable, range: TOverviewRange): Promise<TOverview['alerts']> {
  const [byCode, bySeverity, byCountry, totals] = await Promise.all([
    db.query<{ code: string; n: number; triggers: number; open: number }>(
      `SELECT code, count(*) FILTER (WHERE seen)::int AS n, coalesce(sum(count) FILTER (WHERE seen), 0)::int AS triggers, count(*) FILTER (WHERE status <> 'CLOSED')::int AS open
         FROM (SELECT code, count, status, last_seen_at >= $1 AND first_seen_at < $2 AS seen FROM alerts WHERE last_seen_at >= $1 OR status <> 'CLOSED') a
        GROUP BY code ORDER BY n DESC, code`,
      [range.since, range.until],
    ),
    db.query<{ severity: string; n: number }>(
      `SELECT severity, count(*)::int AS n FROM alerts WHERE last_seen_at >= $1 AND first_seen_at < $2 GROUP BY severity ORDER BY severity DESC`,
      [range.since, range.until],
    ),
    db.query<{ country: string | null; n: number }>(
      `SELECT o.country, count(*)::int AS n FROM alerts a LEFT JOIN organisations o ON o.id = a.raised_by_org_id
        WHERE a.last_seen_at >= $1 AND a.first_seen_at < $2 GROUP BY o.country ORDER BY n DESC, o.country`,
      [range.since, range.until],
    ),
    db.query<{ open: number; falsified: number }>(
      `SELECT (SELECT count(*)::int FROM alerts WHERE status <> 'CLOSED') AS open,
              (SELECT count(*)::int FROM alert_changes WHERE resolution = 'CONFIRMED_FALSIFICATION' AND at >= $1 AND at < $2) AS falsified`,
      [range.since, range.until],
    ),
  ]);
  return {
    total: byCode.rows.reduce((sum, r) => sum + r.n, 0),
    open: totals.rows[0]?.open ?? 0,
    byCode: byCode.rows.map((r) => ({ code: r.code, title: alertTitle(r.code), count: r.n, triggers: r.triggers, open: r.open })),
    bySeverity: bySeverity.rows.map((r) => ({ severity: r.severity, count: r.n })),
    byCountry: byCountry.rows.map((r) => ({ country: r.country, count: r.n })),
    confirmedFalsifications: totals.rows[0]?.falsified ?? 0,
  };
}
