import type { Queryable } from '@/lib/db';

/**
 * Security-relevant actions. The table is append-only (triggers, and the app
 * role has no UPDATE or DELETE), so a record written here cannot be quietly
 * taken back by the application.
 */
export type TAuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_in_throttled'
  | 'auth.sign_out'
  | 'api_key.create'
  | 'api_key.revoke'
  | 'invite.create'
  | 'invite.revoke'
  | 'invite.accept'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.role_change'
  | 'organisation.create'
  | 'webhook.create'
  | 'webhook.update'
  | 'webhook.delete'
  | 'webhook.redeliver';

export type TAuditEntry = {
  action: TAuditAction;
  orgId?: string | null;
  actorUserId?: string | null;
  actorKeyId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/** Writes one audit record on `db` (pass the transaction's client so it commits or rolls back with the change). */
export async function recordAudit(db: Queryable, entry: TAuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (org_id, actor_user_id, actor_key_id, action, target_type, target_id, ip, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.orgId ?? null,
      entry.actorUserId ?? null,
      entry.actorKeyId ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.ip ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
