import type { Queryable } from '@/lib/db';
import { alertTitle } from './alert-codes';
import type { TAlertRow } from './alert-view';
import type { TAlertInput } from './raise-alert';

/**
 * The alert a confirmed falsification raises: for the manufacturer of the
 * product (found from the alert's GTIN or batch) and the organisation that
 * confirmed it; the regulator sees it as it sees every alert. It carries the
 * original's subject and events, so the manufacturer can trace the pack.
 */
export async function falsificationAlert(db: Queryable, original: TAlertRow, confirmedBy: string, note: string | undefined): Promise<TAlertInput> {
  const { rows } = await db.query<{ owner_org_id: string }>(
    `SELECT owner_org_id FROM products WHERE gtin = $1
     UNION SELECT p.owner_org_id FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.id = $2`,
    [original.gtin, original.batch_id],
  );
  const { rows: confirmer } = await db.query<{ role: string; country: string }>('SELECT role, country FROM organisations WHERE id = $1', [confirmedBy]);
  const who = confirmer[0] ? `a ${confirmer[0].role.toLowerCase()} in ${confirmer[0].country}` : 'an organisation';
  const what = `${alertTitle(original.code)} on ${original.subject} (first seen ${original.first_seen_at.toISOString().slice(0, 10)}, ${original.count} time${original.count === 1 ? '' : 's'})`;
  return {
    code: 'falsification_confirmed',
    severity: 'CRITICAL',
    subject: original.subject,
    gtin: original.gtin,
    serial: original.serial,
    batchId: original.batch_id,
    message: `${what} was confirmed as a falsification by ${who}.${note ? ` Note: ${note}` : ''}`,
    raisedByOrgId: confirmedBy,
    visibleTo: [...new Set([...rows.map((r) => r.owner_org_id), confirmedBy])],
    eventIds: original.event_ids,
  };
}
