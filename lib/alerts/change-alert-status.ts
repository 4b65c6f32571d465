import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { withTransaction, type Queryable } from '@/lib/db';
import { enqueueNotifications, type TNotification } from '@/lib/webhooks/enqueue-notifications';
import { ALERT_COLUMNS, alertView, viewerOf, type TAlertRow, type TAlertView } from './alert-view';
import { transitionProblem } from './alert-transitions';
import { falsificationAlert } from './falsification-alert';
import { loadVisibleAlert } from './get-alert';
import { viewerOfActor } from './list-alerts';
import { raisedNotifications, upsertAlerts } from './raise-alert';
import type { TAlertChangeInput } from './schemas';

/**
 * Moves an alert along its workflow (alert-transitions.ts) for an
 * organisation that sees it: the new status, the change row
 * (alert_changes, append-only) and the alert.updated notifications commit
 * together. An alert is one incident shared by the organisations that see
 * it: any of them may move it, and every change says who made it.
 * Closing as a confirmed falsification also raises falsification_confirmed
 * (CRITICAL) for the product's manufacturer and the regulator, who act on
 * it (a recall, the police) even if they never saw the original alert.
 */
export async function changeAlertStatus(actor: TActor, id: string, input: TAlertChangeInput): Promise<TAlertView> {
  assertCan(actor, 'alerts:manage');
  const viewer = viewerOfActor(actor);
  return withTransaction(async (tx) => {
    const before = await loadVisibleAlert(tx, id, viewer, true);
    const problem = transitionProblem(before.status, input.status, input.resolution);
    if (problem) throw problem;
    await tx.query('UPDATE alerts SET status = $2, resolution = $3, updated_at = now() WHERE id = $1', [id, input.status, input.resolution ?? null]);
    await tx.query(
      `INSERT INTO alert_changes (alert_id, actor_user_id, actor_org_id, from_status, to_status, resolution, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, actor.kind === 'user' ? actor.userId : null, actor.orgId, before.status, input.status, input.resolution ?? null, input.note || null],
    );
    const after = await reload(tx, id);
    const change = { fromStatus: before.status, toStatus: input.status, resolution: input.resolution ?? null, note: input.note || null };
    const notifications: TNotification[] = [
      { topic: 'alert.updated', audience: after.visible_to, regulators: true, dataFor: (org) => ({ ...alertView(after, viewerOf(org)), change }) },
    ];
    if (input.resolution === 'CONFIRMED_FALSIFICATION' && before.code !== 'falsification_confirmed') {
      const escalation = await falsificationAlert(tx, after, actor.orgId, input.note);
      notifications.push(...raisedNotifications(await upsertAlerts(tx, [escalation])));
    }
    await enqueueNotifications(tx, notifications);
    return alertView(after, viewer);
  });
}

async function reload(tx: Queryable, id: string): Promise<TAlertRow> {
  const { rows } = await tx.query<TAlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN organisations o ON o.id = a.raised_by_org_id WHERE a.id = $1`, [id]);
  return rows[0] as TAlertRow;
}
