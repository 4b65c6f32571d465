import { getOverview, ZOverviewQuery } from '@/lib/alerts';
import { json, readQuery, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The regulator's figures for a period: scans, alerts, recalls, ledger health. */
export const GET = withApi({ auth: 'network:read' }, async (request, { actor }) => json(await getOverview(actor, readQuery(request, ZOverviewQuery))));
