import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getActorFromCookies } from '@/app/console/_lib/session';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: TProps) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined);
  if ((await getActorFromCookies()).kind !== 'anonymous') redirect(next);
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
        <p className="mt-1 text-slate-700">For manufacturers, wholesalers, pharmacies and regulators of the network.</p>
        {'signed-out' in params ? (
          <p role="status" className="mt-4 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
            You have signed out.
          </p>
        ) : null}
        <SignInForm next={next} />
        <p className="mt-6 text-sm text-slate-600">
          No account? Your organisation&apos;s administrator can invite you. Checking a pack needs no account:{' '}
          <Link href="/verify" className="font-medium text-brand-700 underline">
            verify a pack
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
