import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { epcKey } from '@/lib/gs1';
import { loadEventViews, type TEventView } from './event-view';

export type TEventPage = { items: TEventView[]; nextBefore: string | null };

/**
 * The events of a batch, newest first, a page at a time (cursor `before`,
 * an event id): those naming the batch itself (a recall), its packs, and
 * the cases and pallets that held its packs. The manufacturer and the
 * regulator see every event (private records only where they are parties);
 * an organisation that holds, is receiving or has dispensed packs of the
 * batch sees the events it took part in; anyone else gets 404.
 *
 * The packs' keys are computed in SQL (percent-encoding a serial only when
 * it holds a character outside RFC 3986 "unreserved", as lib/gs1 does), so
 * a 100,000-pack batch costs index lookups, not a round trip per pack.
 */
export async function getBatchHistory(actor: TActor, batchId: string, page: { before?: string; limit?: number } = {}): Promise<TEventPage> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const notFound = new AppError('batch_not_found', 'No such batch.');
  if (!isUuid(batchId)) throw notFound;
  const { rows } = await getPool().query<{ gtin: string; lot: string; owner_org_id: string; involved: boolean }>(
    `SELECT b.gtin, b.lot, p.owner_org_id,
            EXISTS (SELECT 1 FROM packs k WHERE k.batch_id = b.id AND (k.custodian_org_id = $2 OR k.in_transit_to_id = $2 OR k.dispensed_by_id = $2)) AS involved
       FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.id = $1`,
    [batchId, scope.all ? null : scope.orgId],
  );
  const batch = rows[0];
  if (!batch) throw notFound;
  const whole = scope.all || batch.owner_org_id === scope.orgId;
  if (!whole && !batch.involved) throw notFound;
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 500);
  const ids = await batchEventIds(batchId, epcKey({ gtin: batch.gtin, lot: batch.lot }), whole ? null : (scope as { orgId: string }).orgId, page.before ?? null, limit + 1);
  const items = await loadEventViews(getPool(), ids.slice(0, limit), scope);
  items.reverse();
  return { items, nextBefore: ids.length > limit ? (ids[limit - 1] as string) : null };
}

async function batchEventIds(batchId: string, batchKey: string, partyOnly: string | null, before: string | null, limit: number): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    `WITH RECURSIVE keys(k) AS (
       SELECT '01/' || p.gtin || '/21/' || CASE WHEN p.serial ~ '^[A-Za-z0-9._~-]*$' THEN p.serial
              ELSE (SELECT string_agg(CASE WHEN c ~ '[A-Za-z0-9._~-]' THEN c ELSE '%' || upper(encode(convert_to(c, 'UTF8'), 'hex')) END, '' ORDER BY i)
                      FROM regexp_split_to_table(p.serial, '') WITH ORDINALITY AS s(c, i)) END
         FROM packs p WHERE p.batch_id = $1
       UNION SELECT $2::text
       UNION SELECT parent.epc FROM keys
               JOIN event_epcs child ON child.epc = keys.k AND child.role = 'child'
               JOIN event_epcs parent ON parent.event_id = child.event_id AND parent.role = 'parent'
     )
     SELECT DISTINCT e.id::text AS id, e.id AS n FROM keys JOIN event_epcs ee ON ee.epc = keys.k JOIN events e ON e.id = ee.event_id
      WHERE ($3::uuid IS NULL OR $3::uuid = ANY(e.party_ids)) AND ($4::bigint IS NULL OR e.id < $4::bigint)
      ORDER BY n DESC LIMIT $5`,
    [batchId, batchKey, partyOnly, before, limit],
  );
  return rows.map((r) => r.id);
}
