import { allocateSscc } from '@/lib/events';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Allocates the next SSCC under your GS1 company prefix, as an empty case you hold. */
export const POST = withApi({ auth: 'events:write' }, async (_request, { actor }) => json(await allocateSscc(actor), { status: 201 }));
