import Link from 'next/link';
import { SignOutButton } from '@/app/sign-out/sign-out-button';
import { ANONYMOUS, type TActor } from '@/lib/auth/actor';
import { getActorFromCookies } from './session';

/** The header's account links: "Sign in" for visitors, "Console" and "Sign out" once signed in. */
export async function AccountNav() {
  let actor: TActor = ANONYMOUS;
  try {
    actor = await getActorFromCookies();
  } catch (error) {
    // The public pages must still render while the database is away; the header then just offers to sign in.
    console.error('[account-nav] could not resolve the session:', error instanceof Error ? error.message : error);
  }
  if (actor.kind === 'anonymous') {
    return (
      <Link href="/sign-in" className="rounded bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
        Sign in
      </Link>
    );
  }
  return (
    <>
      <Link href="/console" className="rounded bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
        Console
      </Link>
      <SignOutButton />
    </>
  );
}
