/**
 * The Link header of a page that has a next one (RFC 8288, as the REST
 * binding uses it): the same request with nextPageToken set. The target is
 * a path relative to the host the client called, so it stays right behind
 * a reverse proxy that rewrites the host.
 */
export function nextLink(request: Request, token: string): string {
  const url = new URL(request.url);
  url.searchParams.set('nextPageToken', token);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
