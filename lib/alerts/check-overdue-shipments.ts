import { withTransaction, type Queryable } from '@/lib/db';
import { alertSettings } from './alert-settings';
import { raiseAlerts, type TAlertInput } from './raise-alert';
import { outstandingItems, type TShipment } from './outstanding-items';

/**
 * The periodic check for shipments never received: every shipping event
 * (shipments and returns) is looked at once, when it is
 * SHIPMENT_OVERDUE_DAYS old; if any pack or case it shipped is still in
 * transit from the shipper to the destination, shipment_not_received
 * (MEDIUM) goes to both of them (and the regulator). How far the check has
 * looked is kept in job_watermarks, so it neither misses shipments while the
 * server is down nor looks at one twice; the row is locked while it runs,
 * so one app instance checks at a time. Work is done a day of shipments per
 * transaction.
 */
export const JOB_NAME = 'shipments_received';
/** On the very first run, shipments this far before the overdue line are checked too. */
const FIRST_LOOKBACK_MS = 30 * 86_400_000;
const CHUNK_MS = 86_400_000;

export type TOverdueCheck = { shipments: number; alerts: number };

export async function checkOverdueShipments(options: { now?: Date; overdueDays?: number } = {}): Promise<TOverdueCheck> {
  const overdueDays = options.overdueDays ?? alertSettings().shipmentOverdueDays;
  const upTo = new Date((options.now ?? new Date()).getTime() - overdueDays * 86_400_000);
  const total: TOverdueCheck = { shipments: 0, alerts: 0 };
  for (;;) {
    const step = await withTransaction((tx) => checkChunk(tx, upTo, overdueDays));
    if (step === null) return total;
    total.shipments += step.shipments;
    total.alerts += step.alerts;
  }
}

/** Checks the next day of shipments up to `upTo`; null when there is nothing left (or another instance is at it). */
async function checkChunk(tx: Queryable, upTo: Date, overdueDays: number): Promise<TOverdueCheck | null> {
  await tx.query(`INSERT INTO job_watermarks (name, watermark) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [JOB_NAME, new Date(upTo.getTime() - FIRST_LOOKBACK_MS)]);
  const { rows } = await tx.query<{ watermark: Date }>('SELECT watermark FROM job_watermarks WHERE name = $1 FOR UPDATE SKIP LOCKED', [JOB_NAME]);
  const from = rows[0]?.watermark;
  if (!from || from >= upTo) return null;
  const to = new Date(Math.min(upTo.getTime(), from.getTime() + CHUNK_MS));
  const shipments = await shipmentsBetween(tx, from, to);
  const alerts = (await outstandingItems(tx, shipments)).map(({ shipment, keys, total }) => overdueAlert(shipment, keys, total, overdueDays));
  if (alerts.length > 0) await raiseAlerts(tx, alerts);
  await tx.query('UPDATE job_watermarks SET watermark = $2, updated_at = now() WHERE name = $1', [JOB_NAME, to]);
  return { shipments: shipments.length, alerts: alerts.length };
}

async function shipmentsBetween(tx: Queryable, from: Date, to: Date): Promise<TShipment[]> {
  const { rows } = await tx.query<{ id: string; event_id: string; org_id: string; party_ids: string[]; record_time: Date; shipper: string; destination: string | null }>(
    `SELECT e.id::text AS id, e.event_id, e.org_id, e.party_ids, e.record_time, s.name AS shipper,
            (SELECT d.name FROM organisations d WHERE d.id = ANY(e.party_ids) AND d.id <> e.org_id LIMIT 1) AS destination
       FROM events e JOIN organisations s ON s.id = e.org_id
      WHERE e.biz_step = 'shipping' AND e.record_time > $1 AND e.record_time <= $2`,
    [from, to],
  );
  return rows.flatMap((r) => {
    const destinationId = r.party_ids.find((id) => id !== r.org_id);
    if (!destinationId) return [];
    return [{ id: r.id, eventId: r.event_id, shipperId: r.org_id, destinationId, recordTime: r.record_time, shipperName: r.shipper, destinationName: r.destination ?? 'its destination' }];
  });
}

function overdueAlert(shipment: TShipment, keys: string[], total: number, overdueDays: number): TAlertInput {
  const first = keys[0] as string;
  const pack = /^01\/(\d{14})\/21\/(.+)$/.exec(first);
  return {
    code: 'shipment_not_received',
    severity: 'MEDIUM',
    subject: first,
    gtin: keys.length === 1 && pack ? pack[1] : null,
    serial: keys.length === 1 && pack ? decodeURIComponent(pack[2] as string).slice(0, 20) : null,
    message:
      `${keys.length} of the ${total} item${total === 1 ? '' : 's'} shipped by ${shipment.shipperName} to ${shipment.destinationName} on ` +
      `${shipment.recordTime.toISOString().slice(0, 10)} ${keys.length === 1 ? 'was' : 'were'} still not received ${overdueDays} day${overdueDays === 1 ? '' : 's'} later (${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}).`,
    raisedByOrgId: null,
    visibleTo: [shipment.shipperId, shipment.destinationId],
    eventIds: [shipment.id],
    scope: shipment.eventId,
  };
}
