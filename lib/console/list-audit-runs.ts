import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

export type TAuditRun = { id: string; startedAt: string; finishedAt: string | null; ok: boolean | null; firstFailure: string | null; events: number | null; durationMs: number | null };

/** The latest ledger audit runs (lib/ledger records each in audit_runs, from the console and from `npm run audit`), newest first. */
export async function listAuditRuns(actor: TActor, limit = 10): Promise<TAuditRun[]> {
  assertCan(actor, 'ledger:audit');
  const { rows } = await getPool().query<{ id: string; started_at: Date; finished_at: Date | null; ok: boolean | null; first_failure: string | null; summary: Record<string, unknown> }>(
    'SELECT id::text AS id, started_at, finished_at, ok, first_failure, summary FROM audit_runs ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    ok: r.ok,
    firstFailure: r.first_failure,
    events: typeof r.summary.events === 'number' ? r.summary.events : null,
    durationMs: typeof r.summary.durationMs === 'number' ? r.summary.durationMs : null,
  }));
}
