import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { outstandingItems, type TShipment } from '@/lib/alerts/outstanding-items';
import { getPool } from '@/lib/db';
import { epcKey } from '@/lib/gs1';

export type TIncomingItem =
  | { kind: 'case'; key: string; sscc: string; packCount: number }
  | { kind: 'pack'; key: string; gtin: string; serial: string; productName: string; lot: string; expiry: string };

export type TIncomingShipment = {
  /** Ledger id of the shipping event. */
  id: string;
  eventId: string;
  from: { id: string; name: string };
  shippedAt: string;
  /** A return (disposition returned) rather than a delivery. */
  isReturn: boolean;
  /** Items of the shipment still on their way to the reader (received ones drop out). */
  items: TIncomingItem[];
  /** Items the shipping event named. */
  named: number;
};

/**
 * What is on its way to the organisation, by shipping event (one dispatch):
 * the cases and loose packs each shipment named that the sender still holds
 * for the reader, that is, not received yet. The receiving station checks
 * what arrives against this list. The reader is a party to those shipping
 * events, so seeing the sender and what was named is its business; what is
 * inside a case it sees as a count until it receives it (docs/decisions/050).
 */
export async function listIncoming(actor: TActor): Promise<TIncomingShipment[]> {
  assertCan(actor, 'events:read');
  const db = getPool();
  const keys = await inTransitKeys(actor.orgId);
  if (keys.length === 0) return [];
  const { rows } = await db.query<{ id: string; event_id: string; org_id: string; party_ids: string[]; record_time: Date; shipper: string; disposition: string | null }>(
    `SELECT e.id::text AS id, e.event_id, e.org_id, e.party_ids, e.record_time, s.name AS shipper, e.disposition
       FROM events e JOIN organisations s ON s.id = e.org_id
      WHERE e.id IN (SELECT ee.event_id FROM event_epcs ee WHERE ee.epc = ANY($2::text[]) AND ee.role = 'epc')
        AND e.biz_step = 'shipping' AND e.party_ids @> ARRAY[$1]::uuid[] AND e.org_id <> $1
      ORDER BY e.id DESC`,
    [actor.orgId, keys],
  );
  const shipments: (TShipment & { disposition: string | null })[] = rows
    .filter((r) => r.party_ids.find((id) => id !== r.org_id) === actor.orgId)
    .map((r) => ({ id: r.id, eventId: r.event_id, shipperId: r.org_id, destinationId: actor.orgId, recordTime: r.record_time, shipperName: r.shipper, destinationName: actor.orgName, disposition: r.disposition }));
  const outstanding = await outstandingItems(db, shipments);
  const details = await itemDetails(outstanding.flatMap((o) => o.keys));
  return outstanding.map(({ shipment, keys, total }) => ({
    id: shipment.id,
    eventId: shipment.eventId,
    from: { id: shipment.shipperId, name: shipment.shipperName },
    shippedAt: shipment.recordTime.toISOString(),
    isReturn: (shipment as (typeof shipments)[number]).disposition === 'returned',
    items: keys.map((key) => details.get(key)).filter((i): i is TIncomingItem => i !== undefined),
    named: total,
  }));
}

/**
 * Keys of what is in transit to the organisation at the top level (cases
 * not on a pallet travelling with them, packs in no case): the identifiers
 * a shipping event names. Found through them, the shipping events are found
 * however long ago they were recorded.
 */
async function inTransitKeys(orgId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ sscc: string | null; gtin: string | null; serial: string | null }>(
    `SELECT c.sscc, NULL AS gtin, NULL AS serial FROM containers c
      WHERE c.in_transit_to_id = $1 AND (c.parent_sscc IS NULL OR NOT EXISTS (SELECT 1 FROM containers p WHERE p.sscc = c.parent_sscc AND p.in_transit_to_id = $1))
     UNION ALL
     SELECT NULL, k.gtin, k.serial FROM packs k
      WHERE k.in_transit_to_id = $1 AND (k.container_sscc IS NULL OR NOT EXISTS (SELECT 1 FROM containers p WHERE p.sscc = k.container_sscc AND p.in_transit_to_id = $1))`,
    [orgId],
  );
  return rows.map((r) => (r.sscc !== null ? `00/${r.sscc}` : epcKey({ gtin: r.gtin as string, serial: r.serial as string })));
}

async function itemDetails(keys: readonly string[]): Promise<Map<string, TIncomingItem>> {
  const out = new Map<string, TIncomingItem>();
  const ssccs = keys.filter((k) => k.startsWith('00/')).map((k) => k.slice(3));
  const packs = keys.filter((k) => k.startsWith('01/')).map((k) => ({ key: k, gtin: k.slice(3, 17), serial: decodeURIComponent(k.slice(21)) }));
  const [cases, loose] = await Promise.all([
    getPool().query<{ root: string; n: number }>(
      `WITH RECURSIVE tree(root, sscc) AS (SELECT s, s FROM unnest($1::bpchar[]) AS s UNION ALL SELECT t.root, c.sscc FROM tree t JOIN containers c ON c.parent_sscc = t.sscc)
       SELECT tree.root, count(k.serial)::int AS n FROM tree LEFT JOIN packs k ON k.container_sscc = tree.sscc GROUP BY tree.root`,
      [ssccs],
    ),
    getPool().query<{ gtin: string; serial: string; name: string; lot: string; expiry: string }>(
      `SELECT k.gtin, k.serial, pr.name, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry
         FROM unnest($1::bpchar[], $2::text[]) AS x(gtin, serial) JOIN packs k ON k.gtin = x.gtin AND k.serial = x.serial
         JOIN batches b ON b.id = k.batch_id JOIN products pr ON pr.gtin = b.gtin`,
      [packs.map((p) => p.gtin), packs.map((p) => p.serial)],
    ),
  ]);
  for (const c of cases.rows) out.set(`00/${c.root}`, { kind: 'case', key: `00/${c.root}`, sscc: c.root, packCount: c.n });
  const keyOf = new Map(packs.map((p) => [`${p.gtin} ${p.serial}`, p.key]));
  for (const p of loose.rows) {
    const key = keyOf.get(`${p.gtin} ${p.serial}`);
    if (key) out.set(key, { kind: 'pack', key, gtin: p.gtin, serial: p.serial, productName: p.name, lot: p.lot, expiry: p.expiry });
  }
  return out;
}
