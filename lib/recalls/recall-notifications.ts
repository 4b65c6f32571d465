import type { Queryable } from '@/lib/db';
import type { TNotification } from '@/lib/webhooks/enqueue-notifications';
import type { TWebhookTopic } from '@/lib/webhooks/topics';
import type { THolding } from './propagate-recall';
import { loadRecallRow, recallView } from './recall-view';

/**
 * recall.opened / recall.closed for the product's manufacturer, the
 * organisation that opened it, every regulator, and each organisation
 * holding or receiving its packs (whose notification says how many).
 */
export async function recallNotifications(tx: Queryable, recallId: string, topic: Extract<TWebhookTopic, `recall.${string}`>, holdings: readonly THolding[]): Promise<TNotification[]> {
  const row = await loadRecallRow(tx, recallId, null);
  if (!row) return [];
  const stock = new Map(holdings.map((h) => [h.orgId, { held: h.held, incoming: h.incoming }]));
  return [
    {
      topic,
      audience: [...new Set([row.owner_org_id, row.initiated_by_org, ...stock.keys()])],
      regulators: true,
      dataFor: (org) => ({
        ...recallView({ ...row, affects_you: stock.has(org.id) }, { orgId: org.id, all: org.role === 'REGULATOR' }),
        yourStock: stock.get(org.id) ?? { held: 0, incoming: 0 },
      }),
    },
  ];
}
