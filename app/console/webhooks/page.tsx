import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listWebhooks } from '@/lib/webhooks';
import { formatDateTime } from '../_lib/labels';
import { requireActor } from '../_lib/session';
import { AdminOnly } from '../settings/_components/admin-only';
import { CreateWebhookForm } from './create-webhook-form';

export const metadata: Metadata = { title: 'Webhooks' };

/** Outbound notifications of alerts and recalls to the organisation's own systems (admins). */
export default async function WebhooksPage() {
  const actor = await requireActor('/console/webhooks');
  if (!can(actor, 'webhooks:manage')) return <AdminOnly what="webhooks" />;
  const webhooks = await listWebhooks(actor);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {actor.orgName}&apos;s pharmacy or ERP system can react to alerts and recalls: each notification is POSTed as JSON, signed with the webhook&apos;s secret (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
          <code>webhook-signature</code>), in order, and retried for hours if the receiver is down.
        </p>
      </div>
      <section aria-labelledby="new-webhook" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-webhook" className="text-lg font-semibold">
          Add a webhook
        </h2>
        <div className="mt-4">
          <CreateWebhookForm />
        </div>
      </section>
      <section aria-labelledby="webhooks">
        <h2 id="webhooks" className="text-lg font-semibold">
          Webhooks of {actor.orgName}
        </h2>
        {webhooks.length === 0 ? (
          <p className="mt-2 text-slate-700">No webhooks yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {webhooks.map((webhook) => (
              <li key={webhook.id} className="px-4 py-3 text-sm">
                <Link href={`/console/webhooks/${webhook.id}`} className="break-all font-semibold text-brand-700 underline">
                  {webhook.url}
                </Link>
                <span className="block text-slate-700">
                  {webhook.active ? 'Active' : 'Paused'} · {webhook.topics.join(', ')} · {webhook.deliveries.pending} waiting · {webhook.deliveries.failed} failed · last delivered{' '}
                  {formatDateTime(webhook.deliveries.lastDeliveredAt ? new Date(webhook.deliveries.lastDeliveredAt) : null)}
                </span>
                {webhook.deliveries.lastError ? <span className="block text-red-800">Last attempt failed: {webhook.deliveries.lastError}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
