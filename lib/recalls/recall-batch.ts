import type { TOrgActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TRecallInput } from './schemas';

export type TRecallBatch = { id: string; gtin: string; lot: string; expiry: string; status: 'ACTIVE' | 'RECALLED'; ownerOrgId: string; productName: string };

/**
 * The batch a recall names, if the actor may recall it: the regulator any,
 * a manufacturer its own. Another manufacturer's batch is 404, as in the
 * catalogue (its existence is not the caller's business).
 */
export async function recallBatch(actor: TOrgActor, input: Pick<TRecallInput, 'batchId' | 'gtin' | 'lot'>): Promise<TRecallBatch> {
  const { rows } = await getPool().query<TRecallBatch>(
    `SELECT b.id, b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, b.status, p.owner_org_id AS "ownerOrgId", p.name AS "productName"
       FROM batches b JOIN products p ON p.gtin = b.gtin
      WHERE ($1::uuid IS NOT NULL AND b.id = $1) OR ($1::uuid IS NULL AND b.gtin = $2 AND b.lot = $3)`,
    [input.batchId ?? null, input.gtin ?? null, input.lot ?? null],
  );
  const batch = rows[0];
  if (!batch || (!can(actor, 'network:read') && batch.ownerOrgId !== actor.orgId)) throw new AppError('batch_not_found', 'No such batch among those you may recall.');
  return batch;
}

/** The serials named that are packs of the batch; 422 recall_serials_unknown lists the others. */
export async function assertSerialsOfBatch(batchId: string, serials: readonly string[]): Promise<void> {
  const { rows } = await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE batch_id = $1 AND serial = ANY($2::text[])', [batchId, serials]);
  const found = new Set(rows.map((r) => r.serial));
  const missing = serials.map((serial, index) => ({ serial, index })).filter((s) => !found.has(s.serial));
  if (missing.length === 0) return;
  throw new AppError('recall_serials_unknown', `${missing.length} of the serials ${missing.length === 1 ? 'is not a pack' : 'are not packs'} of this batch (first: ${missing[0]?.serial}).`, {
    errors: missing.slice(0, 1000).map((m) => ({ pointer: `/serials/${m.index}`, code: 'recall_serials_unknown', detail: `${m.serial} is not a pack of this batch.` })),
  });
}

export const alreadyRecalled = () => new AppError('batch_already_recalled', 'The whole batch is already under an open recall; close it before opening another.');
