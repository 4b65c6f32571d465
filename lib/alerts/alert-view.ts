import type { TOrgRole } from '@/lib/auth/actor';
import { alertTitle, type TAlertSeverity } from './alert-codes';

/**
 * An alert as one organisation sees it. Who scanned (the raising
 * organisation) is shown by name only to the regulator and to that
 * organisation itself; everyone else sees its role and country, as on the
 * public record (docs/decisions/071): a manufacturer investigating a clone
 * learns that "a pharmacy in DE" scanned it, not which one (the EU FMD
 * model: manufacturers do not learn their customers' customers).
 */
export type TAlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'INVESTIGATING' | 'CLOSED';
export type TAlertResolution = 'SCANNER_FAULT' | 'PROCESS_ERROR' | 'CONFIRMED_FALSIFICATION' | 'NO_ISSUE';

export type TAlertView = {
  id: string;
  code: string;
  title: string;
  severity: TAlertSeverity;
  status: TAlertStatus;
  resolution: TAlertResolution | null;
  count: number;
  subject: string;
  gtin: string | null;
  serial: string | null;
  batchId: string | null;
  message: string;
  raisedBy: { role: string; country: string; id?: string; name?: string } | null;
  raisedByYou: boolean;
  /** Internal ids of the events that caused it (GET /api/v1/alerts/{id} resolves them). */
  eventIds: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  updatedAt: string;
  /** Regulator only: the organisations that see the alert. */
  visibleTo?: string[];
};

/** Who is looking: an organisation, and whether it reads the whole network (the regulator). */
export type TAlertViewer = { orgId: string; all: boolean };

export const viewerOf = (org: { id: string; role: TOrgRole }): TAlertViewer => ({ orgId: org.id, all: org.role === 'REGULATOR' });

/** The columns every alert query selects (alias a for alerts, o for the raising organisation). */
export const ALERT_COLUMNS = `a.id, a.code, a.severity, a.status, a.resolution, a.count, a.subject, a.gtin, a.serial, a.batch_id, a.message,
  a.raised_by_org_id, a.visible_to, a.event_ids::text[] AS event_ids, a.first_seen_at, a.last_seen_at, a.updated_at,
  o.name AS raiser_name, o.role AS raiser_role, o.country AS raiser_country`;

export type TAlertRow = {
  id: string;
  code: string;
  severity: TAlertSeverity;
  status: TAlertStatus;
  resolution: TAlertResolution | null;
  count: number;
  subject: string;
  gtin: string | null;
  serial: string | null;
  batch_id: string | null;
  message: string;
  raised_by_org_id: string | null;
  visible_to: string[];
  event_ids: string[];
  first_seen_at: Date;
  last_seen_at: Date;
  updated_at: Date;
  raiser_name: string | null;
  raiser_role: TOrgRole | null;
  raiser_country: string | null;
};

/** True when the viewer may see the alert at all. */
export const canSeeAlert = (row: Pick<TAlertRow, 'visible_to'>, viewer: TAlertViewer) => viewer.all || row.visible_to.includes(viewer.orgId);

export function alertView(row: TAlertRow, viewer: TAlertViewer): TAlertView {
  const own = row.raised_by_org_id !== null && row.raised_by_org_id === viewer.orgId;
  const named = viewer.all || own;
  const raisedBy =
    row.raised_by_org_id === null || row.raiser_role === null
      ? null
      : { role: row.raiser_role.toLowerCase(), country: row.raiser_country ?? '', ...(named ? { id: row.raised_by_org_id, name: row.raiser_name ?? '' } : {}) };
  return {
    id: row.id,
    code: row.code,
    title: alertTitle(row.code),
    severity: row.severity,
    status: row.status,
    resolution: row.resolution,
    count: row.count,
    subject: row.subject,
    gtin: row.gtin,
    serial: row.serial,
    batchId: row.batch_id,
    message: row.message,
    raisedBy,
    raisedByYou: own,
    eventIds: row.event_ids,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(viewer.all ? { visibleTo: row.visible_to } : {}),
  };
}
