import { ANONYMOUS, type TActor, type TOrgActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { assertCan, type TPermission } from '@/lib/auth/permissions';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { readSessionCookie } from '@/lib/auth/session-cookie';
import { normaliseError } from '@/lib/errors';
import { problemResponse } from './problem-response';

/**
 * - 'public': anyone; credentials are not even looked at (the public
 *   verification surface pays nothing for auth).
 * - 'optional': anonymous or an organisation; credentials that were sent
 *   must be valid.
 * - a permission: an organisation actor holding it.
 */
export type TApiAuth = 'public' | 'optional' | TPermission;

export type TApiOptions<A extends TApiAuth> = {
  auth: A;
  /**
   * 'always': check the origin of state-changing requests even without a
   * session cookie (sign-in and sign-out: a cross-site page must not sign a
   * victim into the attacker's account). By default only cookie-carrying
   * requests are checked; Bearer-key requests never are.
   */
  csrf?: 'always';
};

export type TApiContext<P, A extends TApiAuth> = {
  actor: A extends 'public' | 'optional' ? TActor : TOrgActor;
  params: P;
  /** The caller's IP as far as we can tell (lib/auth/client-ip.ts), for audit records. */
  ip: string | null;
};

/**
 * The one wrapper around every API route handler: resolves the actor
 * (Bearer key or session cookie), enforces the permission, refuses
 * cross-origin cookie-authenticated mutations, and turns every error into
 * RFC 9457 problem+json (internals never leak; 401s carry WWW-Authenticate,
 * throttling carries Retry-After).
 */
export function withApi<P extends Record<string, string> = Record<string, never>, A extends TApiAuth = TApiAuth>(
  options: TApiOptions<A>,
  handler: (request: Request, ctx: TApiContext<P, A>) => Promise<Response>,
): (request: Request, ctx?: { params: Promise<P> }) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      const actor = await authenticate(request, options);
      const params = routeContext ? await routeContext.params : ({} as P);
      return await handler(request, { actor: actor as TApiContext<P, A>['actor'], params, ip: clientIp(request.headers) });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

async function authenticate(request: Request, options: TApiOptions<TApiAuth>): Promise<TActor> {
  const authorization = request.headers.get('authorization');
  const sessionToken = readSessionCookie(request.headers.get('cookie'));
  if (!authorization && (sessionToken || options.csrf === 'always')) assertSameOrigin(request);
  if (options.auth === 'public') return ANONYMOUS;
  const actor = await resolveActor({ sessionToken, authorization });
  if (options.auth !== 'optional') assertCan(actor, options.auth);
  return actor;
}

function errorResponse(error: unknown, request: Request): Response {
  const appError = normaliseError(error);
  const headers = new Headers();
  if (appError.status === 401) headers.set('www-authenticate', 'Bearer realm="pharmatrace"');
  const retryAfter = appError.extra?.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers.set('retry-after', String(Math.ceil(retryAfter)));
  return problemResponse(error, request, headers);
}
