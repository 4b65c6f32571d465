'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/client-ip';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { signOut } from '@/lib/auth/sign-out';

/** Ends the session on the server, drops the cookie, and shows the sign-in page with a confirmation. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await signOut({ sessionToken: jar.get(SESSION_COOKIE)?.value ?? null, ip: clientIp(await headers()) });
  jar.delete(SESSION_COOKIE);
  redirect('/sign-in?signed-out');
}
