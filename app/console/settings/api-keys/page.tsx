import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/auth/list-api-keys';
import { can } from '@/lib/auth/permissions';
import { formatDateTime, USER_ROLE_LABEL } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';
import { AdminOnly } from '../_components/admin-only';
import { CreateKeyForm } from './create-key-form';
import { RevokeKeyButton } from './revoke-key-button';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const actor = await requireActor('/console/settings/api-keys');
  if (!can(actor, 'keys:manage')) return <AdminOnly what="API keys" />;
  const keys = await listApiKeys(actor);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Scanners and ERP systems send a key as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code> and act
          for {actor.orgName}. Give each device its own key, so one can be revoked without stopping the others.
        </p>
      </div>
      <section aria-labelledby="new-key" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-key" className="text-lg font-semibold">
          Create a key
        </h2>
        <div className="mt-4">
          <CreateKeyForm />
        </div>
      </section>
      <section aria-labelledby="keys">
        <h2 id="keys" className="text-lg font-semibold">
          Keys of {actor.orgName}
        </h2>
        {keys.length === 0 ? (
          <p className="mt-2 text-slate-700">No keys yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">Name</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Key starts with</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Access</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Created</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Last used</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {keys.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? 'text-slate-500' : undefined}>
                    <th scope="row" className="px-4 py-2 font-medium">{key.name}</th>
                    <td className="px-4 py-2 font-mono">{key.prefix}…</td>
                    <td className="px-4 py-2">{USER_ROLE_LABEL[key.role]}</td>
                    <td className="px-4 py-2">
                      {formatDateTime(key.createdAt)}
                      {key.createdBy ? <span className="block text-slate-500">by {key.createdBy}</span> : null}
                    </td>
                    <td className="px-4 py-2">{formatDateTime(key.lastUsedAt)}</td>
                    <td className="px-4 py-2">
                      {key.revokedAt ? `Revoked ${formatDateTime(key.revokedAt)}` : <RevokeKeyButton id={key.id} name={key.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
