import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { alertFigures } from './alert-figures';
import { ledgerHealth } from './ledger-health';
import type { TOverview, TOverviewQuery } from './overview-schemas';
import { recallFigures } from './recall-figures';
import { scanFigures } from './scan-figures';

/**
 * The regulator's overview of the network for a period: scans, alerts by
 * code, severity and country, recalls, and the health of the ledger. Each
 * part is its own function, for consoles that chart one of them.
 */
export async function getOverview(actor: TActor, query: TOverviewQuery): Promise<TOverview> {
  assertCan(actor, 'network:read');
  const db = getPool();
  const [scans, alerts, recalls, ledger] = await Promise.all([scanFigures(db, query), alertFigures(db, query), recallFigures(db, query), ledgerHealth(db)]);
  return { period: { from: query.from, to: query.to }, scans, alerts, recalls, ledger };
}
