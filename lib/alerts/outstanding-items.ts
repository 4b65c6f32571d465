import type { Queryable } from '@/lib/db';

export type TShipment = { id: string; eventId: string; shipperId: string; destinationId: string; recordTime: Date; shipperName: string; destinationName: string };

type THolder = { custodian: string | null; transit: string | null };

/**
 * For each shipping event, the packs and cases it named that are still in
 * transit from its shipper to its destination (neither received, nor
 * reported stolen, nor shipped elsewhere since), and how many it named.
 * Packs inside a named case travel with it: the case stands for them.
 */
export async function outstandingItems(tx: Queryable, shipments: readonly TShipment[]): Promise<{ shipment: TShipment; keys: string[]; total: number }[]> {
  if (shipments.length === 0) return [];
  const { rows } = await tx.query<{ event_id: string; epc: string }>(
    `SELECT event_id::text AS event_id, epc FROM event_epcs WHERE event_id = ANY($1::bigint[]) AND role = 'epc' ORDER BY event_id, epc`,
    [shipments.map((s) => s.id)],
  );
  const holders = await loadHolders(tx, rows.map((r) => r.epc));
  const byEvent = new Map<string, string[]>();
  for (const row of rows) {
    const named = byEvent.get(row.event_id);
    if (named) named.push(row.epc);
    else byEvent.set(row.event_id, [row.epc]);
  }
  return shipments.flatMap((shipment) => {
    const named = byEvent.get(shipment.id) ?? [];
    const keys = named.filter((key) => {
      const holder = holders.get(key);
      return holder !== undefined && holder.custodian === shipment.shipperId && holder.transit === shipment.destinationId;
    });
    return keys.length > 0 ? [{ shipment, keys, total: named.length }] : [];
  });
}

/** Current holder and destination of cases (00/<sscc>) and packs (01/<gtin>/21/<serial>, serial percent-decoded) by key. */
async function loadHolders(tx: Queryable, keys: string[]): Promise<Map<string, THolder>> {
  const holders = new Map<string, THolder>();
  const ssccs = keys.filter((k) => k.startsWith('00/')).map((k) => k.slice(3));
  const packs = keys.filter((k) => /^01\/\d{14}\/21\//.test(k)).map((k) => ({ key: k, gtin: k.slice(3, 17), serial: decodeURIComponent(k.slice(21)) }));
  if (ssccs.length > 0) {
    const { rows } = await tx.query<{ sscc: string; custodian: string | null; transit: string | null }>(
      'SELECT sscc, custodian_org_id AS custodian, in_transit_to_id AS transit FROM containers WHERE sscc = ANY($1::bpchar[])',
      [ssccs],
    );
    for (const r of rows) holders.set(`00/${r.sscc}`, r);
  }
  if (packs.length > 0) {
    const keyOf = new Map(packs.map((p) => [`${p.gtin} ${p.serial}`, p.key]));
    const { rows } = await tx.query<{ gtin: string; serial: string; custodian: string | null; transit: string | null }>(
      `SELECT gtin, serial, custodian_org_id AS custodian, in_transit_to_id AS transit FROM packs
        WHERE (gtin, serial) IN (SELECT * FROM unnest($1::bpchar[], $2::text[]))`,
      [packs.map((p) => p.gtin), packs.map((p) => p.serial)],
    );
    for (const r of rows) holders.set(keyOf.get(`${r.gtin} ${r.serial}`) as string, r);
  }
  return holders;
}
