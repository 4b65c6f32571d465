import type { TOrgActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type TOwnBatch = { id: string; gtin: string; lot: string; expiry: string };

/** A batch of one of the actor's own products, or 404 (another manufacturer's batch is not the actor's business). */
export async function ownBatch(actor: TOrgActor, batchId: string): Promise<TOwnBatch> {
  const notFound = new AppError('batch_not_found', 'No such batch among your products.');
  if (!isUuid(batchId)) throw notFound;
  const { rows } = await getPool().query<TOwnBatch & { owner_org_id: string }>(
    `SELECT b.id, b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, p.owner_org_id
       FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.id = $1`,
    [batchId],
  );
  const row = rows[0];
  if (!row || row.owner_org_id !== actor.orgId) throw notFound;
  return { id: row.id, gtin: row.gtin, lot: row.lot, expiry: row.expiry };
}
