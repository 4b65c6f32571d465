import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { PRODUCT_COLUMNS, toProduct, type TProduct, type TProductRow } from './product-summary';

/**
 * The product catalogue. Every organisation of the network reads all of it
 * (docs/decisions/050): names, forms and strengths are printed on every pack
 * and published by medicines agencies, and distributors and pharmacies
 * need them to read their stock. Volumes and movements are not here.
 */
export async function listProducts(actor: TActor, query: { q?: string; mine?: 'true' | 'false' } = {}): Promise<TProduct[]> {
  assertCan(actor, 'catalog:read');
  const q = query.q ? query.q.toLowerCase() : null;
  const { rows } = await getPool().query<TProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p JOIN organisations o ON o.id = p.owner_org_id
      WHERE ($1::text IS NULL OR p.gtin LIKE $1 || '%' OR strpos(lower(p.name), $1) > 0)
        AND ($2::uuid IS NULL OR p.owner_org_id = $2)
      ORDER BY p.name, p.gtin LIMIT 1000`,
    [q, query.mine === 'true' ? actor.orgId : null],
  );
  return rows.map(toProduct);
}

/** One product by GTIN (14 digits). */
export async function getProduct(actor: TActor, gtin: string): Promise<TProduct> {
  assertCan(actor, 'catalog:read');
  const { rows } = await getPool().query<TProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products p JOIN organisations o ON o.id = p.owner_org_id WHERE p.gtin = $1`, [gtin]);
  if (!rows[0]) throw new AppError('product_not_found', `No product has the GTIN ${gtin}.`);
  return toProduct(rows[0]);
}
