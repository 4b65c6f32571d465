import { getPool, type Queryable } from '@/lib/db';

/**
 * Fixed-window counters in the rate_limits table, so every app instance
 * shares them. `hitRateLimit` counts first and decides after, in one atomic
 * upsert: parallel attempts cannot all slip in under the limit.
 */
export type TRateLimit = { key: string; limit: number; windowSeconds: number };

export type TRateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export async function hitRateLimit(rule: TRateLimit, db: Queryable = getPool()): Promise<TRateLimitResult> {
  const { rows } = await db.query<{ count: number; retry_after: number }>(
    `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END,
       count = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.count + 1 END
     RETURNING count,
       GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry_after`,
    [rule.key, rule.windowSeconds],
  );
  const row = rows[0]!;
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds: row.retry_after };
}

/** Takes one hit back (a successful sign-in should not use up its network's allowance). */
export async function refundRateLimit(key: string, db: Queryable = getPool()): Promise<void> {
  await db.query('UPDATE rate_limits SET count = GREATEST(count - 1, 0) WHERE key = $1', [key]);
}

export async function resetRateLimit(key: string, db: Queryable = getPool()): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
}

/**
 * Forgets windows that ended long ago. Keys include e-mail addresses and IPs
 * tried by anyone, so without this the table would grow with every spray of
 * guesses. Called now and then by the sign-in path; the table stays small
 * enough for the sequential scan.
 */
export async function pruneRateLimits(olderThanSeconds = 86_400, db: Queryable = getPool()): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)', [olderThanSeconds]);
  return rowCount ?? 0;
}
