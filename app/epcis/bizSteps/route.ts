import { CBV_BIZ_STEPS } from '@/lib/epcis';
import { collectionResponse, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** The CBV 2.0 business steps, as bare words (any other absolute URI is accepted as a user vocabulary). */
export const GET = withEpcis({ auth: 'events:read', area: 'query' }, async () => collectionResponse(CBV_BIZ_STEPS));
