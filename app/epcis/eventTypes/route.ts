import { EVENT_TYPES } from '@/lib/epcis';
import { collectionResponse, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** The event types this repository records: the five of EPCIS 2.0 (extension types are recorded too, under their IRIs). */
export const GET = withEpcis({ auth: 'events:read', area: 'query' }, async () => collectionResponse(EVENT_TYPES));
