import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { BATCH_COLUMNS, toBatch, type TBatch, type TBatchRow } from './batch-summary';
import type { TBatchInput } from './schemas';

/**
 * Registers a batch (lot) of one of the organisation's own products. The
 * lot is unique per GTIN; the expiry is what every scan of its packs is
 * checked against.
 *
 * requires: `input` parsed with ZBatchInput.
 */
export async function registerBatch(actor: TActor, input: TBatchInput): Promise<TBatch> {
  assertCan(actor, 'catalog:write');
  const { rows: products } = await getPool().query<{ owner_org_id: string }>('SELECT owner_org_id FROM products WHERE gtin = $1', [input.gtin]);
  const product = products[0];
  if (!product) throw new AppError('product_not_found', `No product has the GTIN ${input.gtin}; register it first.`);
  if (product.owner_org_id !== actor.orgId) throw new AppError('not_product_owner', `GTIN ${input.gtin} belongs to another manufacturer.`);
  const { rows } = await getPool().query<TBatchRow>(
    `WITH b AS (
       INSERT INTO batches (gtin, lot, expiry, manufactured_on) VALUES ($1, $2, $3::date, $4::date)
       ON CONFLICT (gtin, lot) DO NOTHING RETURNING *
     )
     SELECT ${BATCH_COLUMNS} FROM b JOIN products p ON p.gtin = b.gtin JOIN organisations o ON o.id = p.owner_org_id`,
    [input.gtin, input.lot, input.expiry, input.manufacturedOn ?? null],
  );
  if (!rows[0]) throw new AppError('batch_exists', `Product ${input.gtin} already has a batch with lot ${input.lot}.`);
  return toBatch(rows[0]);
}
