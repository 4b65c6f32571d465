import { getProduct, ZGtin } from '@/lib/catalog';
import { AppError } from '@/lib/errors';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** One product by GTIN (8, 12, 13 or 14 digits). */
export const GET = withApi<{ gtin: string }>({ auth: 'catalog:read' }, async (_request, { actor, params }) => {
  const gtin = ZGtin.safeParse(params.gtin);
  if (!gtin.success) throw new AppError('product_not_found', 'No such product.');
  return json(await getProduct(actor, gtin.data));
});
