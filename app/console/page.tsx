import type { Metadata } from 'next';
import { permissionsOf } from '@/lib/auth/permissions';
import { ORG_ROLE_LABEL, PERMISSION_LABEL, USER_ROLE_LABEL } from './_lib/labels';
import { requestLocale } from './_lib/locale';
import { requireActor } from './_lib/session';
import { periodOf } from './_overview/period';
import { RegulatorOverview } from './_overview/regulator-overview';
import { TraderOverview } from './_overview/trader-overview';

export const metadata: Metadata = { title: 'Console' };

/**
 * The signed-in landing page: who is signed in (on a shared counter PC that
 * matters), then the organisation's day at a glance, with a link from each
 * figure to where it is acted on.
 */
export default async function ConsolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console');
  const [locale, search] = await Promise.all([requestLocale(), searchParams]);
  const days = periodOf(search.days);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{actor.kind === 'user' ? `Signed in as ${actor.name}` : 'Signed in'}</h1>
        <p className="mt-1 text-slate-700">
          {actor.kind === 'user' ? `${actor.email} · ` : ''}
          {USER_ROLE_LABEL[actor.userRole]} at {actor.orgName} ({ORG_ROLE_LABEL[actor.orgRole]})
        </p>
      </div>
      {actor.orgRole === 'REGULATOR' ? <RegulatorOverview actor={actor} days={days} locale={locale} /> : <TraderOverview actor={actor} days={days} locale={locale} />}
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold text-slate-900">What your role may do</summary>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {permissionsOf(actor.orgRole, actor.userRole).map((p) => (
            <li key={p} className="flex items-start gap-2 text-slate-800">
              <span aria-hidden className="mt-2 inline-block h-1.5 w-1.5 shrink-0 rounded-full bg-brand-600" />
              {PERMISSION_LABEL[p]}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
