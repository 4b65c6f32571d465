import { createHash } from 'node:crypto';
import type { Queryable } from '@/lib/db';
import { enqueueNotifications, type TNotification } from '@/lib/webhooks/enqueue-notifications';
import type { TAlertSeverity } from './alert-codes';
import { ALERT_COLUMNS, alertView, viewerOf, type TAlertRow } from './alert-view';

/**
 * Alerts: a signal that a pack, case, batch or shipment needs a person's
 * attention (a code that was never commissioned, a second dispensing, a
 * receipt without a shipment, recalled stock on a shelf). Raised by the
 * events service, lib/recalls and the periodic checks; read, acknowledged,
 * investigated and closed in each organisation's inbox (docs/decisions/071).
 */
export type { TAlertSeverity } from './alert-codes';

export type TAlertInput = {
  /** Stable code (alert-codes.ts), e.g. "unknown_serial", "already_dispensed", "receipt_without_shipment". */
  code: string;
  severity: TAlertSeverity;
  /** What the alert is about: the canonical key of a pack ("01/<gtin>/21/<serial>"), a case ("00/<sscc>"), a batch, or an event ID. */
  subject: string;
  gtin?: string | null;
  serial?: string | null;
  batchId?: string | null;
  /** A sentence for the people who will look at it. */
  message: string;
  raisedByOrgId: string | null;
  /** Organisations that see the alert; the regulator sees every alert whatever this says. */
  visibleTo: readonly string[];
  /** Internal ids of the events involved (none for a refused scan, which left no event). */
  eventIds?: readonly (bigint | string)[];
  /**
   * Keeps apart alerts that share code, subject and raiser but are meant for
   * different inboxes (a recall tells each holder separately, so each closes
   * its own). Part of the fingerprint when set.
   */
  scope?: string;
};

/** At most this many event ids are kept on one alert; the count keeps counting. */
export const MAX_ALERT_EVENT_IDS = 100;

/** An alert as raised: its row, and whether this call created it (false: folded into the open one). */
export type TRaisedAlert = TAlertRow & { inserted: boolean };

/**
 * Identical triggers (same code, subject and raising organisation, and
 * scope) fold into the open alert with the same fingerprint, so a scanner
 * retrying a refused code a hundred times gives one alert with count 100,
 * not a hundred alerts.
 */
export function alertFingerprint(alert: Pick<TAlertInput, 'code' | 'subject' | 'raisedByOrgId' | 'scope'>): string {
  const scope = alert.scope === undefined ? '' : `\n${alert.scope}`;
  return createHash('sha256').update(`${alert.code}\n${alert.subject}\n${alert.raisedByOrgId ?? ''}${scope}`).digest('hex');
}

/** Raises one alert (see raiseAlerts). */
export async function raiseAlert(db: Queryable, alert: TAlertInput): Promise<TRaisedAlert[]> {
  return raiseAlerts(db, [alert]);
}

/**
 * Raises alerts and queues the alert.raised notification of each new one
 * for the webhooks of the organisations that see it (folded repeats notify
 * nobody again: the count is in the inbox). Pass the transaction's client
 * to raise them with the change they belong to.
 */
export async function raiseAlerts(db: Queryable, alerts: readonly TAlertInput[]): Promise<TRaisedAlert[]> {
  const raised = await upsertAlerts(db, alerts);
  await enqueueNotifications(db, raisedNotifications(raised));
  return raised;
}

/** The alert.raised notifications of the alerts a call created. */
export function raisedNotifications(raised: readonly TRaisedAlert[]): TNotification[] {
  return raised
    .filter((row) => row.inserted)
    .map((row) => ({ topic: 'alert.raised' as const, audience: row.visible_to, regulators: true, dataFor: (org) => alertView(row, viewerOf(org)) }));
}

/**
 * One statement: a new open alert per fingerprint, or count + n,
 * last_seen_at = now() and the union of visible_to and event ids on the open
 * one (the partial unique index alerts_open_fingerprint_key, WHERE status <>
 * 'CLOSED', makes the fold atomic under concurrency). No notifications:
 * callers that queue others in the same transaction pass raisedNotifications
 * along with theirs (enqueueNotifications locks webhooks once, in order).
 */
export async function upsertAlerts(db: Queryable, alerts: readonly TAlertInput[]): Promise<TRaisedAlert[]> {
  const folded = foldAlerts(alerts);
  if (folded.length === 0) return [];
  const column = <T>(pick: (a: TFolded) => T) => folded.map(pick);
  const { rows } = await db.query<TRaisedAlert>(
    `WITH up AS (
       INSERT INTO alerts AS a (code, severity, fingerprint, count, subject, gtin, serial, batch_id, message, raised_by_org_id, visible_to, event_ids)
       SELECT f.code, f.severity::alert_severity, f.fingerprint, f.count, f.subject, f.gtin, f.serial, f.batch_id::uuid, f.message,
              f.raised_by::uuid, f.visible_to::uuid[], f.event_ids::bigint[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS f(code, severity, fingerprint, count, subject, gtin, serial, batch_id, message, raised_by, visible_to, event_ids)
       ON CONFLICT (fingerprint) WHERE status <> 'CLOSED' DO UPDATE SET
         count = a.count + EXCLUDED.count,
         last_seen_at = now(),
         updated_at = now(),
         visible_to = ARRAY(SELECT DISTINCT v FROM unnest(a.visible_to || EXCLUDED.visible_to) AS v),
         event_ids = (a.event_ids || EXCLUDED.event_ids)[1:${MAX_ALERT_EVENT_IDS}]
       RETURNING a.*, (a.xmax = 0) AS inserted)
     SELECT ${ALERT_COLUMNS}, a.inserted FROM up a LEFT JOIN organisations o ON o.id = a.raised_by_org_id`,
    [
      column((a) => a.code),
      column((a) => a.severity),
      column((a) => a.fingerprint),
      column((a) => a.count),
      column((a) => a.subject),
      column((a) => a.gtin ?? null),
      column((a) => a.serial ?? null),
      column((a) => a.batchId ?? null),
      column((a) => a.message),
      column((a) => a.raisedByOrgId),
      column((a) => `{${[...a.visibleTo].join(',')}}`),
      column((a) => `{${a.eventIds.join(',')}}`),
    ],
  );
  return rows;
}

type TFolded = Omit<TAlertInput, 'visibleTo' | 'eventIds'> & { fingerprint: string; count: number; visibleTo: Set<string>; eventIds: string[] };

/** One row per fingerprint (one statement cannot update the same row twice), counting repeats. */
function foldAlerts(alerts: readonly TAlertInput[]): TFolded[] {
  const byFingerprint = new Map<string, TFolded>();
  for (const alert of alerts) {
    const fingerprint = alertFingerprint(alert);
    const existing = byFingerprint.get(fingerprint);
    if (existing) {
      existing.count += 1;
      for (const org of alert.visibleTo) existing.visibleTo.add(org);
      for (const id of alert.eventIds ?? []) if (existing.eventIds.length < MAX_ALERT_EVENT_IDS) existing.eventIds.push(String(id));
      continue;
    }
    byFingerprint.set(fingerprint, {
      ...alert,
      fingerprint,
      count: 1,
      visibleTo: new Set(alert.visibleTo),
      eventIds: (alert.eventIds ?? []).slice(0, MAX_ALERT_EVENT_IDS).map(String),
    });
  }
  return [...byFingerprint.values()];
}
