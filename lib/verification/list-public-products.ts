import { getPool } from '@/lib/db';
import type { TPublicProduct } from './types';

export type TPublicProductChoice = TPublicProduct & { manufacturer: string };

/** Products offered in the public page's list, by name; enough for any real formulary, bounded for the page. */
export const MAX_PUBLIC_PRODUCTS = 2000;

/**
 * The product list of the public page, for people who have only the lot
 * number printed on a box: name, form, strength and maker are printed on
 * every pack and published by medicines agencies (docs/decisions/050), so
 * listing them reveals nothing private. Batches are not listed.
 */
export async function listPublicProducts(): Promise<TPublicProductChoice[]> {
  const { rows } = await getPool().query<{ gtin: string; name: string; form: string; strength: string; pack_size: number; maker: string }>(
    `SELECT pr.gtin, pr.name, pr.form, pr.strength, pr.pack_size, o.name AS maker
       FROM products pr JOIN organisations o ON o.id = pr.owner_org_id
      ORDER BY pr.name, o.name, pr.gtin LIMIT $1`,
    [MAX_PUBLIC_PRODUCTS],
  );
  return rows.map((r) => ({ gtin: r.gtin, name: r.name, form: r.form, strength: r.strength, packSize: r.pack_size, manufacturer: r.maker }));
}
