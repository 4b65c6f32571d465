/*
 * TEST-ONLY. What the database holds, for assertions in route tests (which,
 * living under app/, may not talk to the database themselves).
 */
import { getPool } from '@/lib/db';

export async function countCaptures(): Promise<number> {
  return Number((await getPool().query<{ n: string }>('SELECT count(*) AS n FROM captures')).rows[0]?.n);
}

/** The events a capture job recorded, in ledger order. */
export async function eventsOfCapture(captureId: string): Promise<{ event_type: string; biz_step: string | null; org_id: string }[]> {
  const { rows } = await getPool().query('SELECT event_type, biz_step, org_id FROM events WHERE capture_id = $1 ORDER BY id', [captureId]);
  return rows;
}

/** Capture job ids of an organisation, newest first. */
export async function captureIdsOf(orgId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>('SELECT id FROM captures WHERE org_id = $1 ORDER BY received_at DESC, id DESC', [orgId]);
  return rows.map((r) => r.id);
}
