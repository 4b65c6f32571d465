import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { PRODUCT_COLUMNS, toProduct, type TProduct, type TProductRow } from './product-summary';
import type { TProductInput } from './schemas';

/**
 * Registers a product of the actor's organisation. Its GTIN must lie under
 * one of the organisation's GS1 company prefixes (GS1 licenses prefixes to
 * brand owners; anyone else's GTIN would let a firm commission packs of a
 * product it does not make), and companyPrefixLength must be that
 * prefix's length, since EPC URNs of the packs are cut at it.
 *
 * requires: `input` parsed with ZProductInput.
 */
export async function registerProduct(actor: TActor, input: TProductInput): Promise<TProduct> {
  assertCan(actor, 'catalog:write');
  const { rows: orgs } = await getPool().query<{ company_prefixes: string[] }>('SELECT company_prefixes FROM organisations WHERE id = $1', [actor.orgId]);
  const prefixes = orgs[0]?.company_prefixes ?? [];
  // GTIN-14: indicator digit (0 for a GTIN-13 padded), then the company prefix.
  const prefix = prefixes.find((p) => input.gtin.startsWith(p, 1));
  if (prefix === undefined) {
    const yours = prefixes.length > 0 ? `your company prefixes are ${prefixes.join(', ')}` : 'your organisation holds no GS1 company prefix';
    throw new AppError('gtin_not_yours', `GTIN ${input.gtin} is not under one of your GS1 company prefixes (${yours}).`);
  }
  if (prefix.length !== input.companyPrefixLength) {
    throw new AppError('company_prefix_length_mismatch', `GTIN ${input.gtin} is under your company prefix ${prefix}, which has ${prefix.length} digits, not ${input.companyPrefixLength}.`);
  }
  const { rows } = await getPool().query<TProductRow>(
    `WITH p AS (
       INSERT INTO products (gtin, owner_org_id, name, form, strength, pack_size, company_prefix_length)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (gtin) DO NOTHING RETURNING *
     )
     SELECT ${PRODUCT_COLUMNS} FROM p JOIN organisations o ON o.id = p.owner_org_id`,
    [input.gtin, actor.orgId, input.name, input.form, input.strength, input.packSize, input.companyPrefixLength],
  );
  if (!rows[0]) throw new AppError('product_exists', `GTIN ${input.gtin} is already registered.`);
  return toProduct(rows[0]);
}
