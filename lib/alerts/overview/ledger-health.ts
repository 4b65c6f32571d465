import type { Queryable } from '@/lib/db';
import type { TOverview } from './overview-schemas';

/**
 * The ledger at a glance, read from its tables (lib/ledger writes them): the
 * last sealed period, the last signed checkpoint, the outcome of the last
 * audit run (`npm run audit`), and how many events wait to be sealed.
 */
export async function ledgerHealth(db: Queryable): Promise<TOverview['ledger']> {
  const { rows } = await db.query<{
    seq: number | null; sealed_at: Date | null; period_end: Date | null; tree_size: number | null; last_event_id: string | null;
    cp_size: number | null; cp_at: Date | null;
    audit_started: Date | null; audit_finished: Date | null; audit_ok: boolean | null; audit_failure: string | null;
    unsealed: number;
  }>(
    `WITH a AS (SELECT seq, sealed_at, period_end, tree_size, last_event_id FROM anchors ORDER BY seq DESC LIMIT 1),
          c AS (SELECT tree_size, created_at FROM checkpoints ORDER BY tree_size DESC LIMIT 1),
          r AS (SELECT started_at, finished_at, ok, first_failure FROM audit_runs ORDER BY id DESC LIMIT 1)
     SELECT a.seq, a.sealed_at, a.period_end, a.tree_size, a.last_event_id::text AS last_event_id, c.tree_size AS cp_size, c.created_at AS cp_at,
            r.started_at AS audit_started, r.finished_at AS audit_finished, r.ok AS audit_ok, r.first_failure AS audit_failure,
            (SELECT count(*)::int FROM (SELECT 1 FROM events WHERE id > coalesce((SELECT last_event_id FROM a), 0) LIMIT 100000) w) AS unsealed
       FROM (SELECT 1) one LEFT JOIN a ON true LEFT JOIN c ON true LEFT JOIN r ON true`,
  );
  const row = rows[0];
  if (!row) throw new Error('the ledger health query returned no row');
  return {
    lastSeal: row.seq !== null && row.sealed_at && row.period_end ? { seq: row.seq, sealedAt: row.sealed_at.toISOString(), periodEnd: row.period_end.toISOString(), treeSize: row.tree_size ?? 0 } : null,
    lastCheckpoint: row.cp_size !== null && row.cp_at ? { treeSize: row.cp_size, createdAt: row.cp_at.toISOString() } : null,
    lastAudit: row.audit_started ? { startedAt: row.audit_started.toISOString(), finishedAt: row.audit_finished?.toISOString() ?? null, ok: row.audit_ok, firstFailure: row.audit_failure } : null,
    unsealedEvents: row.unsealed,
  };
}
