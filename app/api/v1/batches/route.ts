import { listBatches, registerBatch, ZBatchInput, ZBatchQuery } from '@/lib/catalog';
import { json, readJsonAs, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Batches you may see: your own products', those of packs you hold, all for the regulator. */
export const GET = withApi({ auth: 'catalog:read' }, async (request, { actor }) => json({ items: await listBatches(actor, readQuery(request, ZBatchQuery)) }));

/** Registers a batch (lot, expiry) of one of your products. */
export const POST = withApi({ auth: 'catalog:write' }, async (request, { actor }) => {
  const input = await readJsonAs(request, ZBatchInput, 16_384);
  return json(await registerBatch(actor, input), { status: 201 });
});
