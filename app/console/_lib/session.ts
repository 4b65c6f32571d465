import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { ANONYMOUS, type TActor, type TOrgActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { isAppError } from '@/lib/errors';

/**
 * The signed-in user of this request, for server components and server
 * actions (lib/ does not read Next's request APIs). Cached per request, so a
 * layout and its page share one lookup. An expired or ended session reads
 * as anonymous here: pages then offer to sign in again.
 */
export const getActorFromCookies = cache(async (): Promise<TActor> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return ANONYMOUS;
  try {
    return await resolveActor({ sessionToken: token });
  } catch (error) {
    if (isAppError(error) && error.code === 'session_expired') return ANONYMOUS;
    throw error;
  }
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireActor(returnTo = '/console'): Promise<TOrgActor> {
  const actor = await getActorFromCookies();
  if (actor.kind === 'anonymous') redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** The caller's IP for audit records (see lib/auth/client-ip.ts). */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
