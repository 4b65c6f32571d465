import { getPool } from '@/lib/db';
import { CAPTURE_STALE_AFTER_MS, captureJobOf, type TCaptureJob, type TCaptureProblem, type TCaptureRow } from './capture-job';

/*
 * The `captures` table: one row per capture job, written around the
 * recording transaction (RUNNING before, SUCCEEDED or FAILED after). The
 * events carry the job's id (events.capture_id), so a job whose process
 * stopped half-way is still answered truthfully (captureJobOf).
 */

const COLUMNS = `c.id, c.status, c.event_count, c.errors, c.received_at, c.finished_at,
  CASE WHEN c.status = 'RUNNING' AND c.received_at < now() - make_interval(secs => ${CAPTURE_STALE_AFTER_MS / 1000})
       THEN EXISTS (SELECT 1 FROM events e WHERE e.capture_id = c.id) END AS recorded`;

/** A new RUNNING job of the organisation for a document of `eventCount` events. */
export async function startCaptureJob(orgId: string, eventCount: number): Promise<TCaptureJob> {
  const { rows } = await getPool().query<TCaptureRow>(
    `INSERT INTO captures AS c (org_id, status, event_count) VALUES ($1, 'RUNNING', $2) RETURNING ${COLUMNS}`,
    [orgId, eventCount],
  );
  return captureJobOf(rows[0] as TCaptureRow);
}

export async function finishCaptureJob(captureId: string, problems: TCaptureProblem[]): Promise<TCaptureJob> {
  const status = problems.length === 0 ? 'SUCCEEDED' : 'FAILED';
  const { rows } = await getPool().query<TCaptureRow>(
    `UPDATE captures AS c SET status = $2, errors = $3::jsonb, finished_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [captureId, status, JSON.stringify(problems)],
  );
  return captureJobOf(rows[0] as TCaptureRow);
}

/** The job if it exists and the scope may read it (`orgId` null: any organisation's). */
export async function findCaptureJob(captureId: string, orgId: string | null): Promise<TCaptureJob | null> {
  const { rows } = await getPool().query<TCaptureRow>(
    `SELECT ${COLUMNS} FROM captures c WHERE c.id = $1 AND ($2::uuid IS NULL OR c.org_id = $2::uuid)`,
    [captureId, orgId],
  );
  return rows[0] ? captureJobOf(rows[0]) : null;
}

export type TCaptureJobCursor = { receivedAt: string; id: string };

/** Newest first, `limit` jobs after the cursor. */
export async function listCaptureJobRows(orgId: string | null, limit: number, after: TCaptureJobCursor | null): Promise<TCaptureJob[]> {
  const { rows } = await getPool().query<TCaptureRow>(
    `SELECT ${COLUMNS} FROM captures c
      WHERE ($1::uuid IS NULL OR c.org_id = $1::uuid)
        AND ($2::timestamptz IS NULL OR (c.received_at, c.id) < ($2::timestamptz, $3::uuid))
      ORDER BY c.received_at DESC, c.id DESC
      LIMIT $4`,
    [orgId, after?.receivedAt ?? null, after?.id ?? null, limit],
  );
  return rows.map((row) => captureJobOf(row));
}
