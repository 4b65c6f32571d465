import type { Queryable } from '@/lib/db';
import { TERMINAL_KINDS } from '../kinds';
import type { TEventKind } from '../types';
import { kindOfRow } from './event-view';

/**
 * Which events make up the history of a pack or case: the events naming it,
 * and the events of every case or pallet while it was inside, found the way
 * the custody rules move things (docs/decisions/054). It entered a case with
 * a packing event naming it as a child; it left with an unpacking event
 * naming it, an unpacking of the whole case, or (a pack) when it left the
 * supply chain (dispensed, destroyed, stolen). Event ids give the order:
 * every event that touches a pack or case takes its locks before it takes
 * its id, so ids follow the order in which they changed it.
 */
export type THistoryEntry = { id: string; via: string | null; partyIds: string[] };

type TNamedRow = {
  id: string;
  event_id: string;
  role: string;
  event_type: string;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  party_ids: string[];
  parent: string | null;
  children: string | null;
};

type TNamed = { id: bigint; idText: string; role: string; kind: TEventKind | null; parent: string | null; children: number; partyIds: string[] };

/** Cases nest at most this deep (pallet in a pallet in a case...); a cycle is impossible, this is a bound for safety. */
const MAX_DEPTH = 8;

export async function historyOf(db: Queryable, key: string): Promise<THistoryEntry[]> {
  const entries = new Map<string, THistoryEntry>();
  await collect(db, key, null, 0n, null, 0, entries);
  return [...entries.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

async function collect(db: Queryable, key: string, via: string | null, after: bigint, before: bigint | null, depth: number, out: Map<string, THistoryEntry>): Promise<void> {
  const named = await eventsNaming(db, key, after, before);
  for (const event of named) if (!out.has(event.idText)) out.set(event.idText, { id: event.idText, via, partyIds: event.partyIds });
  if (depth >= MAX_DEPTH) return;
  for (const packed of named.filter((e) => e.kind === 'pack' && e.role === 'child' && e.parent !== null)) {
    const parent = packed.parent as string;
    const parentEvents = await eventsNaming(db, parent, packed.id, before);
    const end = endOfStay(key, packed, named, parentEvents, before);
    // The event that took it out (an unpacking of the whole case) belongs to its history too.
    await collect(db, parent, parent, packed.id, end === null ? null : end + 1n, depth + 1, out);
  }
}

/** The id of the event that took `key` out of the case it entered with `packed` (or the window's end). */
function endOfStay(key: string, packed: TNamed, own: TNamed[], parentEvents: TNamed[], before: bigint | null): bigint | null {
  const isPack = key.startsWith('01/');
  const leavesOwn = own.find((e) => e.id > packed.id && ((e.role === 'child' && (e.kind === 'unpack' || e.kind === 'pack')) || (isPack && e.kind !== null && TERMINAL_KINDS.has(e.kind))));
  const emptied = parentEvents.find((e) => e.id > packed.id && e.kind === 'unpack' && e.role === 'parent' && e.children === 0);
  const ends = [leavesOwn?.id, emptied?.id, before ?? undefined].filter((v): v is bigint => v !== undefined);
  return ends.length === 0 ? null : ends.reduce((a, b) => (a < b ? a : b));
}

async function eventsNaming(db: Queryable, key: string, after: bigint, before: bigint | null): Promise<TNamed[]> {
  const { rows } = await db.query<TNamedRow>(
    `SELECT e.id::text, e.event_id, ee.role, e.event_type, e.action, e.biz_step, e.disposition, e.party_ids,
            CASE WHEN e.event_type = 'AggregationEvent' THEN (SELECT p.epc FROM event_epcs p WHERE p.event_id = e.id AND p.role = 'parent' LIMIT 1) END AS parent,
            CASE WHEN e.event_type = 'AggregationEvent' THEN (SELECT count(*) FROM event_epcs c WHERE c.event_id = e.id AND c.role = 'child') END AS children
       FROM event_epcs ee JOIN events e ON e.id = ee.event_id
      WHERE ee.epc = $1 AND e.id > $2 AND ($3::bigint IS NULL OR e.id < $3)
      ORDER BY e.id, ee.role`,
    [key, after.toString(), before === null ? null : before.toString()],
  );
  return rows.map((row) => ({
    id: BigInt(row.id),
    idText: row.id,
    role: row.role,
    kind: kindOfRow(row),
    parent: row.parent,
    children: Number(row.children ?? 0),
    partyIds: row.party_ids,
  }));
}
