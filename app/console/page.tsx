import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/app/sign-out/sign-out-button';
import { can, permissionsOf } from '@/lib/auth/permissions';
import { ORG_ROLE_LABEL, PERMISSION_LABEL, USER_ROLE_LABEL } from './_lib/labels';
import { requireActor } from './_lib/session';

export const metadata: Metadata = { title: 'Console' };

/** The signed-in landing page: who you are, for which organisation, and what you may do. */
export default async function ConsolePage() {
  const actor = await requireActor('/console');
  const permissions = permissionsOf(actor.orgRole, actor.userRole);
  return (
    <div className="space-y-8">
      <section aria-labelledby="who" className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 id="who" className="text-2xl font-bold text-slate-900">
          {actor.kind === 'user' ? `Signed in as ${actor.name}` : 'Signed in'}
        </h1>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {actor.kind === 'user' ? (
            <>
              <dt className="text-sm font-medium text-slate-600">E-mail</dt>
              <dd>{actor.email}</dd>
            </>
          ) : null}
          <dt className="text-sm font-medium text-slate-600">Organisation</dt>
          <dd>{actor.orgName}</dd>
          <dt className="text-sm font-medium text-slate-600">Organisation role</dt>
          <dd>{ORG_ROLE_LABEL[actor.orgRole]}</dd>
          <dt className="text-sm font-medium text-slate-600">Your role</dt>
          <dd>{USER_ROLE_LABEL[actor.userRole]}</dd>
        </dl>
        <div className="mt-6">
          <SignOutButton className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100" />
        </div>
      </section>
      <section aria-labelledby="can" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="can" className="text-lg font-semibold">What you can do</h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {permissions.map((p) => (
            <li key={p} className="flex items-start gap-2 text-slate-800">
              <span aria-hidden className="mt-2 inline-block h-1.5 w-1.5 shrink-0 rounded-full bg-brand-600" />
              {PERMISSION_LABEL[p]}
            </li>
          ))}
        </ul>
        {can(actor, 'keys:manage') ? (
          <p className="mt-4 text-sm text-slate-700">
            Connect scanners and ERP systems with{' '}
            <Link href="/console/settings/api-keys" className="font-medium text-brand-700 underline">
              API keys
            </Link>
            ; bring colleagues in from{' '}
            <Link href="/console/settings/users" className="font-medium text-brand-700 underline">
              Users
            </Link>
            .
          </p>
        ) : null}
      </section>
    </div>
  );
}
