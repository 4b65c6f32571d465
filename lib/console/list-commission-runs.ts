import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';

export type TCommissionRun = {
  /** Ledger id of the commissioning event (the label sheet and the CSV take it as `run`). */
  id: string;
  eventId: string;
  eventTime: string;
  recordTime: string;
  count: number;
};

/**
 * The commissioning events of one of the organisation's batches, newest
 * first: each run of the packaging line, with how many packs it created,
 * so its labels and serial list can be printed again. Other organisations
 * get an empty list (how much of a lot was made is the manufacturer's
 * business, docs/decisions/050).
 */
export async function listCommissionRuns(actor: TActor, batch: { gtin: string; lot: string }, limit = 50): Promise<TCommissionRun[]> {
  assertCan(actor, 'catalog:read');
  const { rows } = await getPool().query<{ id: string; event_id: string; event_time: Date; record_time: Date; count: number }>(
    `SELECT e.id::text AS id, e.event_id, e.event_time, e.record_time,
            (SELECT count(*)::int FROM event_epcs ee WHERE ee.event_id = e.id AND ee.role = 'epc') AS count
       FROM events e
      WHERE e.org_id = $1 AND e.biz_step = 'commissioning'
        AND (e.public_record::jsonb -> 'batch' ->> 'gtin') = $2 AND (e.public_record::jsonb -> 'batch' ->> 'lot') = $3
      ORDER BY e.id DESC LIMIT $4`,
    [actor.orgId, batch.gtin, batch.lot, limit],
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, eventTime: r.event_time.toISOString(), recordTime: r.record_time.toISOString(), count: r.count }));
}
