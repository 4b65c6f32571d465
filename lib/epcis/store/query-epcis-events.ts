import { z } from 'zod';
import type { TOrgActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { toQueryDocument } from '../query/to-query-document';
import type { TEventQuery } from '../query/event-query';
import { decodeQueryCursor, encodeQueryCursor, queryDigest, type TQueryCursor } from '../query/query-token';
import type { TQueryRequest } from '../query/read-event-query';
import { boundedQuery } from './bounded-query';
import { eventCountSql, eventQuerySql, type TPageBounds } from './event-query-sql';

export type TEventRow = { id: string; event_time: Date; record_time: Date; event: Record<string, unknown> };

/** The EPCIS document of a stored event (events.private_record->'event', written by lib/events), checked as it is read back. */
const ZStoredEvent = z.looseObject({ type: z.string(), eventID: z.string(), eventTime: z.string(), recordTime: z.string() });

/** The stored documents of the rows, in their order. */
export function storedEvents(rows: readonly TEventRow[]): Record<string, unknown>[] {
  return rows.map((row) => ZStoredEvent.parse(row.event));
}

export type TEventPage = {
  /** An EPCISQueryDocument (SimpleEventQuery) with this page's events, as their parties recorded them. */
  document: Record<string, unknown>;
  /** For the Link header of the next page; null on the last page. */
  nextPageToken: string | null;
};

/**
 * One page of an EPCIS event query (GET /epcis/events and its siblings).
 * The caller sees the events it is a party to (the regulator: all). Pages
 * are exact under concurrent capture (docs/decisions/045): the first page
 * fixes the snapshot (the ledger fence's high-water mark) and every later
 * page reads the same one, after the last event of the page before.
 */
export async function queryEpcisEvents(actor: TOrgActor, request: TQueryRequest): Promise<TEventPage> {
  assertCan(actor, 'events:read');
  const { query, perPage } = request;
  const digest = queryDigest(query);
  const cursor = request.nextPageToken === null ? null : decodeQueryCursor(request.nextPageToken, digest);
  const scope = readScope(actor);
  const partyOrgId = scope.all ? null : scope.orgId;
  const remaining = cursor ? cursor.remaining : query.eventCountLimit;
  const limit = Math.min(perPage, remaining ?? perPage);
  const { rows, highWaterMark } = await boundedQuery(
    async (db, mark) => {
      const bounds = { highWaterMark: cursor?.highWaterMark ?? (mark as string), partyOrgId, after: cursor?.after ?? null };
      if (cursor === null && query.maxEventCount !== null) await assertWithinMax(db, query, bounds);
      return { rows: (await db.query<TEventRow>(eventQuerySql(query, { ...bounds, limit: limit + 1 }))).rows, highWaterMark: bounds.highWaterMark };
    },
    { snapshot: cursor === null },
  );
  const page = rows.slice(0, limit);
  const left = remaining === null ? null : remaining - page.length;
  const last = page[page.length - 1];
  const more = rows.length > limit && last !== undefined && left !== 0;
  const next: TQueryCursor | null = more ? { highWaterMark, queryDigest: digest, after: { sort: sortValue(query, last), id: last.id }, remaining: left } : null;
  return { document: toQueryDocument(storedEvents(page)), nextPageToken: next && encodeQueryCursor(next) };
}

async function assertWithinMax(db: Queryable, query: TEventQuery, bounds: Omit<TPageBounds, 'limit'>): Promise<void> {
  const max = query.maxEventCount as number;
  const { rows } = await db.query<{ n: number }>(eventCountSql(query, { ...bounds, limit: 0 }, max + 1));
  if ((rows[0]?.n ?? 0) > max) {
    throw new AppError('epcis_query_too_large', `The query matches more than maxEventCount (${max}) events; narrow it, or page through it without maxEventCount.`, { extra: { maxEventCount: max } });
  }
}

function sortValue(query: TEventQuery, row: TEventRow): string | null {
  if (query.orderBy === 'eventTime') return row.event_time.toISOString();
  if (query.orderBy === 'recordTime') return row.record_time.toISOString();
  return null;
}
