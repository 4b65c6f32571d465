import { getBatch } from '@/lib/catalog';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** One batch with its pack counts (the whole batch for its manufacturer and the regulator, your own packs otherwise). */
export const GET = withApi<{ id: string }>({ auth: 'catalog:read' }, async (_request, { actor, params }) => json(await getBatch(actor, params.id)));
