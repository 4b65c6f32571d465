import { listProducts, registerProduct, ZProductInput, ZProductQuery } from '@/lib/catalog';
import { json, readJsonAs, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The product catalogue (every organisation reads it; `mine=true` for your own). */
export const GET = withApi({ auth: 'catalog:read' }, async (request, { actor }) => json({ items: await listProducts(actor, readQuery(request, ZProductQuery)) }));

/** Registers a product under one of your GS1 company prefixes. */
export const POST = withApi({ auth: 'catalog:write' }, async (request, { actor }) => {
  const input = await readJsonAs(request, ZProductInput, 16_384);
  return json(await registerProduct(actor, input), { status: 201 });
});
