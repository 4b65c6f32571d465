'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/client-ip';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { ZSignIn } from '@/lib/auth/schemas';
import { isSecureRequest, SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/session-cookie';
import { signIn } from '@/lib/auth/sign-in';
import { isAppError, normaliseError } from '@/lib/errors';

export type TSignInState = {
  email: string;
  fieldErrors: { email?: string; password?: string };
  /** A problem with the attempt as a whole (wrong credentials, throttled, service down). */
  formError?: string;
  throttled?: boolean;
};

/** The sign-in form's server action: validates, signs in, sets the cookie and goes on to `next` (same site only). */
export async function signInAction(_previous: TSignInState, form: FormData): Promise<TSignInState> {
  const email = String(form.get('email') ?? '');
  const parsed = ZSignIn.safeParse({ email, password: form.get('password') ?? '' });
  if (!parsed.success) {
    const fieldErrors: TSignInState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'email' ? 'email' : 'password';
      fieldErrors[field] ??= issue.message;
    }
    return { email, fieldErrors };
  }
  const requestHeaders = await headers();
  try {
    const session = await signIn({ ...parsed.data, ip: clientIp(requestHeaders), userAgent: requestHeaders.get('user-agent') });
    (await cookies()).set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt, isSecureRequest(requestHeaders)));
  } catch (error) {
    return { email, fieldErrors: {}, ...describeFailure(error) };
  }
  redirect(safeNextPath(form.get('next')));
}

function describeFailure(error: unknown): Pick<TSignInState, 'formError' | 'throttled'> {
  if (isAppError(error) && error.code === 'invalid_credentials') return { formError: 'The e-mail address or password is incorrect.' };
  if (isAppError(error) && error.code === 'too_many_attempts') return { formError: error.detail, throttled: true };
  const appError = normaliseError(error);
  if (appError.code === 'internal') console.error('[sign-in]', error);
  return { formError: appError.code === 'db_unavailable' ? 'The service is unavailable right now. Try again in a moment.' : 'Something went wrong. Try again.' };
}
