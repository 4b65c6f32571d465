import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadEventViews, type TEventView } from '@/lib/events';
import { sealStatusOf, type TSealStatus } from './seal-status';

export type TEventDetail = TEventView & {
  recorder: { id: string; name: string };
  partners: { id: string; name: string }[];
  /** Every identifier the event names, by role (epc, parent, child, quantity). */
  identifiers: { key: string; role: string }[];
  seal: TSealStatus;
};

/** Identifiers listed on the page; an event may name up to 100,000 (commissioning). */
const MAX_LISTED_IDENTIFIERS = 200;

/**
 * One event with both records: the public record as hashed into the
 * ledger, and the private record with its salt for the regulator and the
 * event's parties, who can check it against `privateDigest`; its
 * identifiers and whether it is sealed. Anyone else: 404, as for an event
 * that does not exist.
 */
export async function getEventDetail(actor: TActor, id: string): Promise<TEventDetail> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const notFound = new AppError('not_found', 'No such event.');
  if (!/^\d{1,18}$/.test(id)) throw notFound;
  const { rows } = await getPool().query<{ org_id: string; org_name: string; party_ids: string[]; partners: { id: string; name: string }[] | null }>(
    `SELECT e.org_id, o.name AS org_name, e.party_ids,
            (SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name) FROM organisations p WHERE p.id = ANY(e.party_ids) AND p.id <> e.org_id) AS partners
       FROM events e JOIN organisations o ON o.id = e.org_id WHERE e.id = $1::bigint`,
    [id],
  );
  const row = rows[0];
  if (!row || (!scope.all && !row.party_ids.includes(scope.orgId))) throw notFound;
  const [[view], identifiers, seal] = await Promise.all([
    loadEventViews(getPool(), [id], scope),
    getPool().query<{ epc: string; role: string }>('SELECT epc, role FROM event_epcs WHERE event_id = $1::bigint ORDER BY role, epc LIMIT $2', [id, MAX_LISTED_IDENTIFIERS]),
    sealStatusOf([id]),
  ]);
  if (!view) throw notFound;
  return {
    ...view,
    recorder: { id: row.org_id, name: row.org_name },
    partners: row.partners ?? [],
    identifiers: identifiers.rows.map((r) => ({ key: r.epc, role: r.role })),
    seal: seal.get(id) ?? { sealed: false },
  };
}
