import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { getWebhook, listDeliveries, ZDeliveryQuery, type TWebhookView } from '@/lib/webhooks';
import { formatDateTime } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';
import { AdminOnly } from '../../settings/_components/admin-only';
import { WebhookButton } from './webhook-button';

export const metadata: Metadata = { title: 'Webhook' };

/** A webhook and its delivery log: what was sent, how often it was tried, what the receiver answered. */
export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/console/webhooks/${id}`);
  if (!can(actor, 'webhooks:manage')) return <AdminOnly what="webhooks" />;
  let webhook: TWebhookView;
  try {
    webhook = await getWebhook(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'webhook_not_found') notFound();
    throw error;
  }
  const query = ZDeliveryQuery.safeParse({ before: typeof search.before === 'string' ? search.before : undefined, limit: 50 });
  const log = await listDeliveries(actor, id, query.success ? query.data : { limit: 50 });
  return (
    <div className="space-y-6">
      <Link href="/console/webhooks" className="text-sm font-medium text-brand-700 underline">
        All webhooks
      </Link>
      <section aria-labelledby="webhook-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h1 id="webhook-title" className="break-all text-xl font-bold">
          {webhook.url}
        </h1>
        <p className="text-sm text-slate-700">
          {webhook.active ? 'Active' : 'Paused'} · sends {webhook.topics.join(', ')} · added {formatDateTime(new Date(webhook.createdAt))}
        </p>
        <div className="flex flex-wrap gap-3">
          <WebhookButton id={id} action={webhook.active ? 'pause' : 'resume'} label={webhook.active ? 'Pause' : 'Resume'} />
          <WebhookButton id={id} action="delete" label="Delete webhook and its log" danger />
        </div>
      </section>
      <section aria-labelledby="deliveries">
        <h2 id="deliveries" className="text-lg font-semibold">
          Deliveries, newest first
        </h2>
        {log.items.length === 0 ? (
          <p className="mt-2 text-slate-700">Nothing sent yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">webhook-id</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Topic</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Status</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Attempts</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Receiver said</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Queued</th>
                  <th scope="col" className="px-4 py-2 font-semibold"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {log.items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="px-4 py-2 font-mono font-normal">{d.id}</th>
                    <td className="px-4 py-2">{d.topic}</td>
                    <td className="px-4 py-2">
                      {d.status === 'DELIVERED' ? `Delivered ${formatDateTime(d.deliveredAt ? new Date(d.deliveredAt) : null)}` : d.status === 'FAILED' ? 'Given up' : `Waiting${d.nextAttemptAt ? `, next try ${formatDateTime(new Date(d.nextAttemptAt))}` : ''}`}
                    </td>
                    <td className="px-4 py-2">{d.attempts}</td>
                    <td className="px-4 py-2">{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '')}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(new Date(d.createdAt))}</td>
                    <td className="px-4 py-2">{d.status !== 'PENDING' ? <WebhookButton id={id} action="redeliver" deliveryId={d.id} label="Send again" /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.nextBefore ? (
          <Link href={`/console/webhooks/${id}?before=${log.nextBefore}`} className="mt-3 inline-block font-medium text-brand-700 underline">
            Older deliveries
          </Link>
        ) : null}
      </section>
    </div>
  );
}
