import type { TOrgActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { EMPTY_QUERY } from '../query/event-query';
import { toQueryDocument } from '../query/to-query-document';
import { isAbsoluteUri } from '../uri';
import { eventQuerySql } from './event-query-sql';
import { boundedQuery } from './bounded-query';
import { storedEvents, type TEventRow } from './query-epcis-events';

/** An event and its error declarations are a handful of rows; this bounds a pathological ID. */
const MAX_ROWS = 1000;

/**
 * GET /epcis/events/{eventID}: an EPCISQueryDocument with the event and the
 * error declarations that carry its ID (EPCIS 2.0 §7.4.1.4), in the order
 * they were recorded. An event the caller is no party to is 404, exactly as
 * one that does not exist.
 */
export async function getEpcisEvent(actor: TOrgActor, eventId: string): Promise<Record<string, unknown>> {
  assertCan(actor, 'events:read');
  const notFound = () => new AppError('epcis_event_not_found', `No event ${eventId.slice(0, 120)} that your organisation took part in.`);
  if (!isAbsoluteUri(eventId)) throw notFound();
  const scope = readScope(actor);
  const sql = eventQuerySql({ ...EMPTY_QUERY, eventIds: [eventId] }, { highWaterMark: null, after: null, limit: MAX_ROWS, partyOrgId: scope.all ? null : scope.orgId });
  const rows = await boundedQuery(async (db) => (await db.query<TEventRow>(sql)).rows);
  if (rows.length === 0) throw notFound();
  return toQueryDocument(storedEvents(rows));
}
