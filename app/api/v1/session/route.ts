import { ZSignIn } from '@/lib/auth/schemas';
import { isSecureRequest, readSessionCookie, sessionCookieHeader } from '@/lib/auth/session-cookie';
import { signIn } from '@/lib/auth/sign-in';
import { signOut } from '@/lib/auth/sign-out';
import { json, readJsonAs, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Sign in with e-mail and password; the session comes back as an HttpOnly cookie only. */
export const POST = withApi({ auth: 'public', csrf: 'always' }, async (request, { ip }) => {
  const credentials = await readJsonAs(request, ZSignIn, 16_384);
  const { token, expiresAt, actor } = await signIn({ ...credentials, ip, userAgent: request.headers.get('user-agent') });
  const cookie = sessionCookieHeader(token, { expiresAt, secure: isSecureRequest(request.headers, request.url) });
  return json(
    {
      user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.userRole },
      organisation: { id: actor.orgId, name: actor.orgName, role: actor.orgRole },
      expiresAt,
    },
    { headers: { 'set-cookie': cookie } },
  );
});

/** Sign out: ends the session server-side and clears the cookie. Always 204. */
export const DELETE = withApi({ auth: 'public', csrf: 'always' }, async (request, { ip }) => {
  await signOut({ sessionToken: readSessionCookie(request.headers.get('cookie')), ip });
  const cookie = sessionCookieHeader(null, { secure: isSecureRequest(request.headers, request.url) });
  return new Response(null, { status: 204, headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
});
