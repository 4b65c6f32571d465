import { ConsoleNav } from './_components/console-nav';
import { ORG_ROLE_LABEL, USER_ROLE_LABEL } from './_lib/labels';
import { consoleNav } from '@/lib/console/console-nav';
import { getActorFromCookies } from './_lib/session';

/**
 * The console frame: which organisation you act for, and the sections of
 * your role's console. Each page checks the session itself (requireActor),
 * so the redirect to sign-in can come back to that very page.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActorFromCookies();
  if (actor.kind === 'anonymous') return <>{children}</>;
  return (
    <div className="mx-auto max-w-6xl px-4 py-4 sm:py-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 pb-3 print:hidden">
        <p className="text-lg font-semibold text-slate-900">
          {actor.orgName}{' '}
          <span className="ml-1 rounded bg-brand-50 px-2 py-0.5 align-middle text-sm font-medium uppercase tracking-wide text-brand-800">{ORG_ROLE_LABEL[actor.orgRole]}</span>
        </p>
        <p className="text-sm text-slate-600">
          {actor.kind === 'user' ? `${actor.name} · ` : ''}
          {USER_ROLE_LABEL[actor.userRole]}
        </p>
      </div>
      <div className="mt-3 flex flex-col gap-4 lg:mt-6 lg:flex-row lg:gap-8">
        <div className="lg:w-52 lg:shrink-0 print:hidden">
          <ConsoleNav items={consoleNav(actor)} />
        </div>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
