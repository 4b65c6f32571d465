'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { acceptInvite } from '@/lib/auth/accept-invite';
import { clientIp } from '@/lib/auth/client-ip';
import { ZAcceptInvite } from '@/lib/auth/schemas';
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/session-cookie';
import { isAppError, normaliseError } from '@/lib/errors';

export type TAcceptState = {
  name: string;
  fieldErrors: { name?: string; password?: string; confirm?: string };
  formError?: string;
};

/** Creates the invitee's account from the invite, signs them in and opens the console. */
export async function acceptInviteAction(token: string, _previous: TAcceptState, form: FormData): Promise<TAcceptState> {
  const name = String(form.get('name') ?? '');
  const password = String(form.get('password') ?? '');
  const parsed = ZAcceptInvite.safeParse({ name, password });
  const fieldErrors: TAcceptState['fieldErrors'] = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] === 'name' ? 'name' : 'password';
    fieldErrors[field] ??= issue.message;
  }
  if (password !== String(form.get('confirm') ?? '')) fieldErrors.confirm = 'The two passwords differ.';
  if (!parsed.success || fieldErrors.confirm) return { name, fieldErrors };
  const requestHeaders = await headers();
  try {
    const session = await acceptInvite(token, parsed.data, { ip: clientIp(requestHeaders) });
    (await cookies()).set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt, isSecureRequest(requestHeaders)));
  } catch (error) {
    if (isAppError(error)) return { name, fieldErrors: {}, formError: error.detail };
    const appError = normaliseError(error);
    if (appError.code === 'internal') console.error('[invite]', error);
    return { name, fieldErrors: {}, formError: 'Something went wrong. Try again in a moment.' };
  }
  redirect('/console');
}
