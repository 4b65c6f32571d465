import type { Metadata } from 'next';
import { listInvites } from '@/lib/auth/list-invites';
import { listUsers } from '@/lib/auth/list-users';
import { can } from '@/lib/auth/permissions';
import { formatDateTime, USER_ROLE_LABEL } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';
import { AdminOnly } from '../_components/admin-only';
import { InviteForm } from './invite-form';
import { RevokeInviteButton, UserControls } from './row-actions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireActor('/console/settings/users');
  if (!can(actor, 'users:manage')) return <AdminOnly what="users" />;
  const [users, invites] = await Promise.all([listUsers(actor), listInvites(actor)]);
  const self = actor.kind === 'user' ? actor.userId : null;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Users and invites</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Administrators manage keys and people; operators do the daily work; viewers only read. Deactivating someone signs them out
          everywhere at once.
        </p>
      </div>
      <section aria-labelledby="invite" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="invite" className="text-lg font-semibold">Invite a colleague</h2>
        <div className="mt-4">
          <InviteForm />
        </div>
      </section>
      {invites.length > 0 ? (
        <section aria-labelledby="pending">
          <h2 id="pending" className="text-lg font-semibold">Pending invites</h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">{invite.email}</p>
                  <p className="text-sm text-slate-600">
                    {USER_ROLE_LABEL[invite.role]} · expires {formatDateTime(invite.expiresAt)}
                    {invite.createdBy ? ` · invited by ${invite.createdBy}` : ''}
                  </p>
                </div>
                <RevokeInviteButton id={invite.id} email={invite.email} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="people">
        <h2 id="people" className="text-lg font-semibold">People of {actor.orgName}</h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {users.map((user) => (
            <li key={user.id} className="flex flex-col gap-2 px-4 py-3 lg:flex-row lg:items-center lg:justify-between">
              <div className={user.active ? undefined : 'text-slate-500'}>
                <p className="font-medium">
                  {user.name} {user.id === self ? <span className="text-sm font-normal text-slate-600">(you)</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {user.email} · {USER_ROLE_LABEL[user.role]} · {user.active ? `last signed in ${formatDateTime(user.lastSignInAt, 'never')}` : 'deactivated'}
                </p>
              </div>
              {user.id === self ? null : <UserControls id={user.id} name={user.name} role={user.role} active={user.active} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
