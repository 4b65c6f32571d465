import { withApi, type TApiAuth, type TApiContext, type TApiOptions } from '@/lib/http/with-api';
import { versionHeaders } from './binding-headers';
import { toBindingResponse, type TBindingArea } from './binding-problem';
import { negotiate } from './negotiate';

export type TEpcisRouteOptions<A extends TApiAuth> = TApiOptions<A> & {
  /** Which exception types a 4xx maps to (lib/epcis/http/binding-problem.ts). */
  area: TBindingArea;
  /** Headers on every answer of the route, e.g. the capture limits. */
  headers?: Record<string, string>;
};

/**
 * The wrapper of every /epcis route handler: withApi (actor, permission,
 * CSRF, problem+json), then the binding's negotiation (406 for versions or
 * media types we do not speak), and on the way out the GS1 version headers
 * and the binding's exception types on problems.
 */
export function withEpcis<P extends Record<string, string> = Record<string, never>, A extends TApiAuth = TApiAuth>(
  options: TEpcisRouteOptions<A>,
  handler: (request: Request, ctx: TApiContext<P, A>) => Promise<Response>,
): (request: Request, ctx?: { params: Promise<P> }) => Promise<Response> {
  const inner = withApi<P, A>(options, (request, ctx) => {
    negotiate(request.headers);
    return handler(request, ctx);
  });
  const headers = { ...versionHeaders(), ...(options.headers ?? {}) };
  return async (request, routeContext) => toBindingResponse(await inner(request, routeContext), options.area, headers);
}
