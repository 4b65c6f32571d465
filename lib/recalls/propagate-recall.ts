import type { TOrgActor } from '@/lib/auth/actor';
import type { Queryable } from '@/lib/db';
import type { TOrgRef } from '@/lib/events/types';
import { epcKey } from '@/lib/gs1';
import { raisedNotifications, upsertAlerts, type TAlertInput } from '@/lib/alerts/raise-alert';
import { enqueueNotifications } from '@/lib/webhooks/enqueue-notifications';
import { recallNotifications } from './recall-notifications';
import { alreadyRecalled, type TRecallBatch } from './recall-batch';
import type { TRecallInput } from './schemas';

export type TPropagation = { actor: TOrgActor; recorder: TOrgRef; batch: TRecallBatch; serials: string[]; input: TRecallInput; eventId: string };

export type THolding = { orgId: string; held: number; incoming: number };

/**
 * The part of a recall the events service does not do, inside its
 * transaction (after the recall event and the packs' RECALLED status are
 * written): the recall row, packs.recall_id, one alert per organisation
 * holding or receiving affected packs, and the notifications. Returns the
 * recall's id.
 */
export async function propagateRecall(tx: Queryable, p: TPropagation): Promise<string> {
  const whole = p.serials.length === 0;
  // The batch row orders concurrent recalls of one batch; the second sees the first's recall here.
  await tx.query('SELECT 1 FROM batches WHERE id = $1 FOR UPDATE', [p.batch.id]);
  if (whole) {
    const { rowCount } = await tx.query(`SELECT 1 FROM recalls WHERE batch_id = $1 AND status = 'OPEN' AND cardinality(serials) = 0`, [p.batch.id]);
    if (rowCount) throw alreadyRecalled();
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO recalls (batch_id, serials, reason, class, initiated_by_org, initiated_by_user, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [p.batch.id, p.serials, p.input.reason, p.input.class, p.actor.orgId, p.actor.kind === 'user' ? p.actor.userId : null, p.eventId],
  );
  const recallId = (rows[0] as { id: string }).id;
  await tx.query(
    `UPDATE packs SET recall_id = $1 WHERE batch_id = $2 AND recall_id IS NULL AND ($3::text[] IS NULL OR serial = ANY($3::text[]))`,
    [recallId, p.batch.id, whole ? null : p.serials],
  );
  const holdings = await holdingsOf(tx, p.batch.id, whole ? null : p.serials);
  const raised = await upsertAlerts(tx, recallAlerts(p, recallId, holdings));
  await enqueueNotifications(tx, [...raisedNotifications(raised), ...(await recallNotifications(tx, recallId, 'recall.opened', holdings))]);
  return recallId;
}

/** Who holds (custodian, also while shipping it out) or is receiving (destination of a shipment) recalled packs of the recall, and how many. */
async function holdingsOf(tx: Queryable, batchId: string, serials: string[] | null): Promise<THolding[]> {
  const { rows } = await tx.query<{ org_id: string; held: number; incoming: number }>(
    `SELECT org_id, count(*) FILTER (WHERE NOT incoming)::int AS held, count(*) FILTER (WHERE incoming)::int AS incoming
       FROM (SELECT custodian_org_id AS org_id, false AS incoming, in_transit_to_id FROM packs
              WHERE batch_id = $1 AND status = 'RECALLED' AND ($2::text[] IS NULL OR serial = ANY($2::text[]))
             UNION ALL
             SELECT in_transit_to_id, true, in_transit_to_id FROM packs
              WHERE batch_id = $1 AND status = 'RECALLED' AND in_transit_to_id IS NOT NULL AND ($2::text[] IS NULL OR serial = ANY($2::text[]))) h
      WHERE org_id IS NOT NULL GROUP BY org_id ORDER BY org_id`,
    [batchId, serials],
  );
  return rows.map((r) => ({ orgId: r.org_id, held: r.held, incoming: r.incoming }));
}

function recallAlerts(p: TPropagation, recallId: string, holdings: THolding[]): TAlertInput[] {
  const severity = p.input.class === 'I' ? 'CRITICAL' : 'HIGH';
  const what = `Class ${p.input.class} recall of ${p.batch.productName}, lot ${p.batch.lot} (GTIN ${p.batch.gtin}, expiry ${p.batch.expiry})${p.serials.length > 0 ? `, ${p.serials.length} pack${p.serials.length === 1 ? '' : 's'}` : ''}: ${p.input.reason}`;
  const common = { severity, subject: epcKey({ gtin: p.batch.gtin, lot: p.batch.lot }), gtin: p.batch.gtin, batchId: p.batch.id, raisedByOrgId: p.actor.orgId, eventIds: [p.eventId] } as const;
  const alerts: TAlertInput[] = holdings.map((h) => ({
    ...common,
    code: 'recall_stock_held',
    message: `${what}. You hold ${h.held} of its pack${h.held === 1 ? '' : 's'}${h.incoming > 0 ? `, and ${h.incoming} ${h.incoming === 1 ? 'is' : 'are'} on the way to you` : ''}: keep them apart and do not supply them; return or destroy them as instructed.`,
    visibleTo: [h.orgId],
    scope: `${recallId}:${h.orgId}`,
  }));
  if (p.batch.ownerOrgId !== p.actor.orgId) {
    alerts.push({ ...common, code: 'recall_opened', message: `${what}. Opened by ${p.recorder.name}.`, visibleTo: [p.batch.ownerOrgId], scope: recallId });
  }
  return alerts;
}
