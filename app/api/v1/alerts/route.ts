import { listAlerts, ZAlertQuery } from '@/lib/alerts';
import { json, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The organisation's alert inbox (the regulator's: every alert), filtered and paged. */
export const GET = withApi({ auth: 'alerts:read' }, async (request, { actor }) => json(await listAlerts(actor, readQuery(request, ZAlertQuery))));
