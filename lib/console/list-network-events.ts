import { z } from 'zod';
import type { TActor, TOrgRole } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { epcKey, parseAnyCode } from '@/lib/gs1';

/** Events per page of the explorer. */
export const EXPLORER_PAGE = 50;

const ZDay = z.iso.date();

export const ZExplorerQuery = z.object({
  code: z.string().trim().max(4096).optional().catch(undefined),
  step: z.string().trim().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  org: z.string().refine(isUuid).optional().catch(undefined),
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  before: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
});
export type TExplorerQuery = z.infer<typeof ZExplorerQuery>;

export type TExplorerEvent = {
  id: string;
  eventId: string;
  type: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  recorder: { id: string; name: string; role: TOrgRole; country: string };
  /** The other organisations of the event (source, destination). */
  partners: { id: string; name: string }[];
  identifiers: number;
  batch: { gtin: string; lot: string } | null;
};

export type TExplorerPage = {
  items: TExplorerEvent[];
  /** Cursor of the next (older) page, or null at the end. */
  nextBefore: string | null;
  /** The code searched for, as a key, or a sentence saying why it could not be read. */
  codeKey: string | null;
  codeProblem: string | null;
};

type TRow = {
  id: string; event_id: string; event_type: string; action: string | null; biz_step: string | null; disposition: string | null;
  event_time: Date; event_time_zone_offset: string; record_time: Date; org_id: string; org_name: string; org_role: TOrgRole; org_country: string;
  partners: { id: string; name: string }[] | null; identifiers: number; gtin: string | null; lot: string | null;
};

/**
 * The regulator's event explorer: every event of the network, newest first,
 * filtered on the server by identifier (any code lib/gs1 reads: a pack, a
 * case, a batch), business step, organisation taking part, and record date
 * (UTC days), a page at a time (cursor: ledger id).
 */
export async function listNetworkEvents(actor: TActor, query: TExplorerQuery): Promise<TExplorerPage> {
  assertCan(actor, 'network:read');
  const { key, problem } = keyOf(query.code);
  if (problem) return { items: [], nextBefore: null, codeKey: null, codeProblem: problem };
  const { rows } = await getPool().query<TRow>(
    `SELECT e.id::text AS id, e.event_id, e.event_type, e.action, e.biz_step, e.disposition, e.event_time, e.event_time_zone_offset, e.record_time,
            e.org_id, o.name AS org_name, o.role AS org_role, o.country AS org_country,
            (SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name) FROM organisations p WHERE p.id = ANY(e.party_ids) AND p.id <> e.org_id) AS partners,
            ((e.public_record::jsonb) -> 'epcs' ->> 'count')::int AS identifiers,
            (e.public_record::jsonb) -> 'batch' ->> 'gtin' AS gtin, (e.public_record::jsonb) -> 'batch' ->> 'lot' AS lot
       FROM events e JOIN organisations o ON o.id = e.org_id
      WHERE ($1::text IS NULL OR e.id IN (SELECT ee.event_id FROM event_epcs ee WHERE ee.epc = $1))
        AND ($2::text IS NULL OR e.biz_step = $2)
        AND ($3::uuid IS NULL OR e.party_ids @> ARRAY[$3::uuid])
        AND ($4::timestamptz IS NULL OR e.record_time >= $4) AND ($5::timestamptz IS NULL OR e.record_time < $5)
        AND ($6::bigint IS NULL OR e.id < $6::bigint)
      ORDER BY e.id DESC LIMIT $7`,
    [key, query.step ?? null, query.org ?? null, query.from ? new Date(`${query.from}T00:00:00Z`) : null, query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : null, query.before ?? null, EXPLORER_PAGE + 1],
  );
  const items = rows.slice(0, EXPLORER_PAGE).map(toEvent);
  return { items, nextBefore: rows.length > EXPLORER_PAGE ? items[items.length - 1]!.id : null, codeKey: key, codeProblem: null };
}

/** The stored key of a searched code: a pack, a case, or a batch (named as a class by recalls). */
function keyOf(code: string | undefined): { key: string | null; problem: string | null } {
  if (!code) return { key: null, problem: null };
  try {
    const { fields } = parseAnyCode(code);
    const { gtin, serial, sscc, lot } = fields;
    if (sscc) return { key: epcKey({ sscc }), problem: null };
    if (gtin && serial) return { key: epcKey({ gtin, serial }), problem: null };
    if (gtin && lot) return { key: epcKey({ gtin, lot }), problem: null };
    return { key: null, problem: 'Search by the code of a pack, a case or a batch (a GTIN alone names a whole product).' };
  } catch (error) {
    if (isAppError(error)) return { key: null, problem: error.detail };
    throw error;
  }
}

function toEvent(r: TRow): TExplorerEvent {
  return {
    id: r.id, eventId: r.event_id, type: r.event_type, action: r.action, bizStep: r.biz_step, disposition: r.disposition,
    eventTime: r.event_time.toISOString(), eventTimeZoneOffset: r.event_time_zone_offset, recordTime: r.record_time.toISOString(),
    recorder: { id: r.org_id, name: r.org_name, role: r.org_role, country: r.org_country },
    partners: r.partners ?? [], identifiers: r.identifiers ?? 0,
    batch: r.gtin && r.lot ? { gtin: r.gtin, lot: r.lot } : null,
  };
}
