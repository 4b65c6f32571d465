import type { TEpcMatch, TEventQuery } from '../query/event-query';

/*
 * The SQL of an event query over `events` and `event_epcs` (the tables of
 * lib/events; this module only reads them). Every value is a bind
 * parameter. The first MATCH_ parameter drives the query from the
 * event_epcs primary key (epc, event_id, role): a pack's events are found
 * by index whatever the size of the ledger; the other filters apply to the
 * few events found.
 */

/** Where a page starts: events after `after` in the query's order, none above the snapshot's high-water mark. */
export type TPageBounds = {
  /** Highest event id of the snapshot every page of one query reads; null: no bound (single-event reads). */
  highWaterMark: string | null;
  /** The sort value (event or record time, ISO) and id of the last event of the previous page. */
  after: { sort: string | null; id: string } | null;
  limit: number;
  /** Only events whose parties include this organisation; null: every event (the regulator). */
  partyOrgId: string | null;
};

export type TSql = { text: string; values: unknown[] };

const SORT_COLUMN = { ledger: null, eventTime: 'e.event_time', recordTime: 'e.record_time' } as const;

/** `LIKE` pattern matching exactly `text` followed by anything. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function eventQuerySql(query: TEventQuery, bounds: TPageBounds): TSql {
  const values: unknown[] = [];
  const bind = (value: unknown, cast: string) => `$${values.push(value)}::${cast}`;
  const [driving, ...others] = query.matches;
  const where = filters(query, bounds, bind);
  for (const match of others) where.push(`EXISTS (SELECT 1 FROM event_epcs x WHERE x.event_id = e.id AND ${epcCondition(match, bind)})`);
  if (driving?.excludeTransformations) where.push(`e.event_type <> 'TransformationEvent'`);
  for (const match of others) if (match.excludeTransformations) where.push(`e.event_type <> 'TransformationEvent'`);
  const from = driving
    ? `(SELECT DISTINCT x.event_id FROM event_epcs x WHERE ${epcCondition(driving, bind)}${bounds.highWaterMark === null ? '' : ` AND x.event_id <= ${bind(bounds.highWaterMark, 'bigint')}`}) m JOIN events e ON e.id = m.event_id`
    : 'events e';
  const column = SORT_COLUMN[query.orderBy];
  const direction = query.orderDirection;
  if (bounds.after) where.push(keyset(column, direction, bounds.after, bind));
  const order = column === null ? `e.id ${direction}` : `${column} ${direction}, e.id ${direction}`;
  const text = `SELECT e.id::text AS id, e.event_time, e.record_time, e.private_record->'event' AS event
    FROM ${from}
    WHERE ${where.join(' AND ')}
    ORDER BY ${order}
    LIMIT ${bind(bounds.limit, 'int')}`;
  return { text, values };
}

/** How many events the query matches, counting at most `cap` (maxEventCount + 1). */
export function eventCountSql(query: TEventQuery, bounds: TPageBounds, cap: number): TSql {
  const page = eventQuerySql({ ...query, orderBy: 'ledger', orderDirection: 'ASC' }, { ...bounds, after: null, limit: cap });
  return { text: `SELECT count(*)::int AS n FROM (${page.text}) counted`, values: page.values };
}

type TBind = (value: unknown, cast: string) => string;

function filters(query: TEventQuery, bounds: TPageBounds, bind: TBind): string[] {
  // Every event lib/events records carries its EPCIS document; a row without one (written by hand, by tools
  // of the ledger's tests) has nothing an EPCIS query could return.
  const where: string[] = [`jsonb_typeof(e.private_record->'event') = 'object'`];
  const any = (column: string, list: string[] | null, cast = 'text[]') => list !== null && where.push(`${column} = ANY(${bind(list, cast)})`);
  if (bounds.highWaterMark !== null) where.push(`e.id <= ${bind(bounds.highWaterMark, 'bigint')}`);
  // The GIN index on party_ids answers @>, not = ANY.
  if (bounds.partyOrgId !== null) where.push(`e.party_ids @> ARRAY[${bind(bounds.partyOrgId, 'uuid')}]`);
  any('e.event_type', query.eventTypes);
  any('e.action', query.actions);
  any('e.biz_step', query.bizSteps);
  any('e.disposition', query.dispositions);
  any('e.read_point', query.readPoints);
  any('e.biz_location', query.bizLocations);
  if (query.eventTime.from) where.push(`e.event_time >= ${bind(query.eventTime.from, 'timestamptz')}`);
  if (query.eventTime.before) where.push(`e.event_time < ${bind(query.eventTime.before, 'timestamptz')}`);
  if (query.recordTime.from) where.push(`e.record_time >= ${bind(query.recordTime.from, 'timestamptz')}`);
  if (query.recordTime.before) where.push(`e.record_time < ${bind(query.recordTime.before, 'timestamptz')}`);
  if (query.eventIds !== null) {
    // An error declaration is stored as <declared event's ID>&declaration=<digest> (docs/decisions/055) and carries that ID.
    const declarations = query.eventIds.map((id) => likePrefix(`${id}&declaration=`));
    where.push(`(e.event_id = ANY(${bind(query.eventIds, 'text[]')}) OR e.event_id LIKE ANY(${bind(declarations, 'text[]')}))`);
  }
  if (query.errorDeclarationsOnly) where.push(`strpos(e.event_id, '&declaration=') > 0`);
  return where;
}

function epcCondition(match: TEpcMatch, bind: TBind): string {
  const alternatives: string[] = [];
  if (match.keys.length > 0) alternatives.push(`x.epc = ANY(${bind(match.keys, 'text[]')})`);
  if (match.prefixes.length > 0) alternatives.push(`x.epc LIKE ANY(${bind(match.prefixes.map(likePrefix), 'text[]')})`);
  const epc = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
  return `${epc} AND x.role = ANY(${bind(match.roles, 'text[]')})`;
}

/** Rows after the cursor in the query's order: (sort value, id) compared as a pair, so equal times never lose or repeat an event. */
function keyset(column: string | null, direction: 'ASC' | 'DESC', after: { sort: string | null; id: string }, bind: TBind): string {
  const operator = direction === 'ASC' ? '>' : '<';
  if (column === null || after.sort === null) return `e.id ${operator} ${bind(after.id, 'bigint')}`;
  return `(${column}, e.id) ${operator} (${bind(after.sort, 'timestamptz')}, ${bind(after.id, 'bigint')})`;
}
