import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { getActorFromCookies } from './_lib/session';
import { ORG_ROLE_LABEL } from './_lib/labels';

/**
 * The console frame: which organisation you act for, and its sections. Each
 * page checks the session itself (requireActor), so the redirect to sign-in
 * can come back to that very page.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActorFromCookies();
  if (actor.kind === 'anonymous') return <>{children}</>;
  const admin = can(actor, 'keys:manage') || can(actor, 'users:manage');
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
      <div className="flex flex-col gap-3 border-b border-slate-200 pb-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{ORG_ROLE_LABEL[actor.orgRole]}</p>
          <p className="text-lg font-semibold text-slate-900">{actor.orgName}</p>
        </div>
        <nav aria-label="Console" className="flex flex-wrap gap-2 text-sm">
          <Link href="/console" className="rounded px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
            Overview
          </Link>
          {admin ? (
            <>
              <Link href="/console/settings/api-keys" className="rounded px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                API keys
              </Link>
              <Link href="/console/settings/users" className="rounded px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Users
              </Link>
            </>
          ) : null}
        </nav>
      </div>
      <div className="pt-6">{children}</div>
    </div>
  );
}
