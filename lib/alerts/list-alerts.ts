import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ALERT_COLUMNS, alertView, type TAlertRow, type TAlertView, type TAlertViewer } from './alert-view';
import type { TAlertQuery } from './schemas';

export type TAlertPage = { items: TAlertView[]; nextCursor: string | null };

/**
 * An organisation's inbox: the alerts it sees (the regulator: all of them),
 * most recently seen first, filtered by code, status, severity and when they
 * were last seen, a page at a time. The cursor is the (last_seen_at, id) of
 * the page's last alert, so paging stays exact while new alerts arrive.
 */
export async function listAlerts(actor: TActor, query: TAlertQuery): Promise<TAlertPage> {
  assertCan(actor, 'alerts:read');
  const viewer = viewerOfActor(actor);
  const after = query.cursor === undefined ? null : readCursor(query.cursor);
  const { rows } = await getPool().query<TAlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN organisations o ON o.id = a.raised_by_org_id
      WHERE ($1::uuid IS NULL OR a.visible_to @> ARRAY[$1::uuid])
        AND ($2::text[] IS NULL OR a.code = ANY($2))
        AND ($3::alert_status[] IS NULL OR a.status = ANY($3))
        AND ($4::alert_severity[] IS NULL OR a.severity = ANY($4))
        AND ($5::timestamptz IS NULL OR a.last_seen_at >= $5)
        AND ($6::timestamptz IS NULL OR a.last_seen_at < $6)
        AND ($7::timestamptz IS NULL OR (a.last_seen_at, a.id) < ($7, $8::uuid))
      ORDER BY a.last_seen_at DESC, a.id DESC LIMIT $9`,
    [
      viewer.all ? null : viewer.orgId,
      query.code ?? null,
      query.status ?? null,
      query.severity ?? null,
      query.since ?? null,
      query.until ?? null,
      after?.at ?? null,
      after?.id ?? null,
      query.limit + 1,
    ],
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map((row) => alertView(row, viewer)), nextCursor: rows.length > query.limit && last ? writeCursor(last) : null };
}

export function viewerOfActor(actor: TActor): TAlertViewer {
  const scope = readScope(actor);
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  return { orgId: actor.orgId, all: scope.all };
}

function writeCursor(row: TAlertRow): string {
  return Buffer.from(`${row.last_seen_at.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function readCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('validation_failed', 'The cursor is not one this API gave out.');
  return { at, id };
}
