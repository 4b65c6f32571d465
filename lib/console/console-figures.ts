import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { EXPIRING_DAYS } from './list-batch-page';

/** The counts of an organisation's overview: what needs doing today, at a glance. */
export type TConsoleFigures = {
  /** Manufacturer: own products, and batches neither recalled nor expired. */
  products: number;
  activeBatches: number;
  /** Packs commissioned in the last 30 days, by the commissioning events' time (manufacturer). */
  commissioned30d: number;
  /** Packs the organisation holds, by what may be done with them. */
  stock: { available: number; expiringSoon: number; expired: number; recalled: number };
  /** Cases held, not shipped, with something inside (ready to ship). */
  casesReady: number;
  /** Packs dispensing events of the organisation named since midnight UTC (pharmacy; an undo does not take them back). */
  dispensedToday: number;
  /** Alerts the organisation sees that are not closed (the regulator: all). */
  openAlerts: number;
};

/**
 * The figures of the console's overview for the actor's organisation, in
 * one round trip of independent counts over indexed columns.
 */
export async function consoleFigures(actor: TActor): Promise<TConsoleFigures> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const { rows } = await getPool().query<{
    products: number; active_batches: number; commissioned: number; available: number; expiring: number; expired: number; recalled: number;
    cases_ready: number; dispensed_today: number; open_alerts: number;
  }>(
    `SELECT (SELECT count(*)::int FROM products WHERE owner_org_id = $1) AS products,
            (SELECT count(*)::int FROM batches b JOIN products p ON p.gtin = b.gtin WHERE p.owner_org_id = $1 AND b.status = 'ACTIVE' AND b.expiry >= current_date) AS active_batches,
            (SELECT coalesce(sum(((e.public_record::jsonb) -> 'epcs' ->> 'count')::int), 0)::int FROM events e
              WHERE e.org_id = $1 AND e.biz_step = 'commissioning' AND e.event_time >= now() - interval '30 days') AS commissioned,
            s.available, s.expiring, s.expired, s.recalled,
            (SELECT count(*)::int FROM containers c WHERE c.custodian_org_id = $1 AND c.status = 'ACTIVE' AND c.in_transit_to_id IS NULL AND c.parent_sscc IS NULL
                AND EXISTS (SELECT 1 FROM packs k WHERE k.container_sscc = c.sscc UNION ALL SELECT 1 FROM containers d WHERE d.parent_sscc = c.sscc)) AS cases_ready,
            (SELECT coalesce(sum(((e.public_record::jsonb) -> 'epcs' ->> 'count')::int), 0)::int FROM events e
              WHERE e.org_id = $1 AND e.biz_step = 'dispensing' AND e.record_time >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS dispensed_today,
            (SELECT count(*)::int FROM alerts a WHERE a.status <> 'CLOSED' AND ($2::boolean OR a.visible_to @> ARRAY[$1::uuid])) AS open_alerts
       FROM (SELECT count(*) FILTER (WHERE k.status = 'ACTIVE' AND k.in_transit_to_id IS NULL AND b.status = 'ACTIVE' AND b.expiry >= current_date)::int AS available,
                    count(*) FILTER (WHERE k.status = 'ACTIVE' AND k.in_transit_to_id IS NULL AND b.status = 'ACTIVE' AND b.expiry >= current_date AND b.expiry < current_date + ${EXPIRING_DAYS})::int AS expiring,
                    count(*) FILTER (WHERE b.status = 'ACTIVE' AND (k.status = 'EXPIRED' OR (k.status = 'ACTIVE' AND b.expiry < current_date)))::int AS expired,
                    count(*) FILTER (WHERE k.status = 'RECALLED' OR (k.status = 'ACTIVE' AND b.status = 'RECALLED'))::int AS recalled
               FROM packs k JOIN batches b ON b.id = k.batch_id WHERE k.custodian_org_id = $1) s`,
    [actor.orgId, scope.all],
  );
  const r = rows[0]!;
  return {
    products: r.products,
    activeBatches: r.active_batches,
    commissioned30d: r.commissioned,
    stock: { available: r.available, expiringSoon: r.expiring, expired: r.expired, recalled: r.recalled },
    casesReady: r.cases_ready,
    dispensedToday: r.dispensed_today,
    openAlerts: r.open_alerts,
  };
}
