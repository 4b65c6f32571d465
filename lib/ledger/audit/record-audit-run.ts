import type { Queryable } from '@/lib/db';
import type { TAuditSummary } from './audit-types';

/** Opens the audit_runs row of a run (ok stays null until it finishes). */
export async function startAuditRun(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO audit_runs DEFAULT VALUES RETURNING id::text AS id');
  return rows[0]!.id;
}

/** Closes the run's row with its outcome: a run that could not finish is recorded as not ok. */
export async function finishAuditRun(db: Queryable, runId: string, outcome: { ok: boolean; summary: TAuditSummary | Record<string, unknown>; firstFailure: string | null }): Promise<void> {
  await db.query('UPDATE audit_runs SET finished_at = now(), ok = $2, summary = $3, first_failure = $4 WHERE id = $1', [
    runId,
    outcome.ok,
    JSON.stringify(outcome.summary),
    outcome.firstFailure,
  ]);
}
