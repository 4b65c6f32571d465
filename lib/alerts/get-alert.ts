import type { TActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/auth/uuid';
import { assertCan } from '@/lib/auth/permissions';
import { getPool, type Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ALERT_COLUMNS, alertView, canSeeAlert, type TAlertResolution, type TAlertRow, type TAlertStatus, type TAlertView, type TAlertViewer } from './alert-view';
import { viewerOfActor } from './list-alerts';

export type TAlertChangeView = {
  at: string;
  fromStatus: TAlertStatus | null;
  toStatus: TAlertStatus;
  resolution: TAlertResolution | null;
  note: string | null;
  /** Who made the change: named for the regulator and for the changing organisation itself, like raisedBy. */
  by: { role: string; country: string; id?: string; name?: string; you: boolean } | null;
};

export type TAlertEventRef = { id: string; eventId: string; bizStep: string | null; disposition: string | null; eventTime: string; recordTime: string };

export type TAlertDetail = TAlertView & { changes: TAlertChangeView[]; events: TAlertEventRef[] };

/** One alert the actor's organisation sees (else 404), with every change made to it and the events that caused it. */
export async function getAlert(actor: TActor, id: string): Promise<TAlertDetail> {
  assertCan(actor, 'alerts:read');
  const viewer = viewerOfActor(actor);
  const row = await loadVisibleAlert(getPool(), id, viewer);
  const [changes, events] = await Promise.all([loadChanges(getPool(), id, viewer), loadEvents(getPool(), row.event_ids)]);
  return { ...alertView(row, viewer), changes, events };
}

/** The alert row, optionally locked, or 404 when it does not exist or is not the viewer's to see. */
export async function loadVisibleAlert(db: Queryable, id: string, viewer: TAlertViewer, lock = false): Promise<TAlertRow> {
  if (!isUuid(id)) throw new AppError('alert_not_found');
  const { rows } = await db.query<TAlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN organisations o ON o.id = a.raised_by_org_id WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row || !canSeeAlert(row, viewer)) throw new AppError('alert_not_found');
  return row;
}

type TChangeRow = { at: Date; from_status: TAlertStatus | null; to_status: TAlertStatus; resolution: TAlertResolution | null; note: string | null; actor_org_id: string | null; name: string | null; role: string | null; country: string | null };

async function loadChanges(db: Queryable, id: string, viewer: TAlertViewer): Promise<TAlertChangeView[]> {
  const { rows } = await db.query<TChangeRow>(
    `SELECT c.at, c.from_status, c.to_status, c.resolution, c.note, c.actor_org_id, o.name, o.role, o.country
       FROM alert_changes c LEFT JOIN organisations o ON o.id = c.actor_org_id WHERE c.alert_id = $1 ORDER BY c.id`,
    [id],
  );
  return rows.map((r) => {
    const you = r.actor_org_id === viewer.orgId;
    const by = r.actor_org_id === null || r.role === null ? null : { role: r.role.toLowerCase(), country: r.country ?? '', ...(viewer.all || you ? { id: r.actor_org_id, name: r.name ?? '' } : {}), you };
    return { at: r.at.toISOString(), fromStatus: r.from_status, toStatus: r.to_status, resolution: r.resolution, note: r.note, by };
  });
}

/** The events behind an alert, by their public identity (their public records are public anyway). */
async function loadEvents(db: Queryable, ids: string[]): Promise<TAlertEventRef[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; event_id: string; biz_step: string | null; disposition: string | null; event_time: Date; record_time: Date }>(
    'SELECT id::text AS id, event_id, biz_step, disposition, event_time, record_time FROM events WHERE id = ANY($1::bigint[]) ORDER BY id',
    [ids],
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, bizStep: r.biz_step, disposition: r.disposition, eventTime: r.event_time.toISOString(), recordTime: r.record_time.toISOString() }));
}
