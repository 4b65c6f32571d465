import { json } from '@/lib/http/json';
import { EPCIS_CONTEXT_URL } from '../context/prefixes';
import { nextLink } from './next-link';

/** A page of a query: the EPCISQueryDocument, and a Link to the next page when there is one. */
export function eventPageResponse(request: Request, page: { document: Record<string, unknown>; nextPageToken: string | null }): Response {
  return json(page.document, { headers: page.nextPageToken ? { Link: nextLink(request, page.nextPageToken) } : {} });
}

/** The binding's Collection of a top-level resource (event types, business steps). */
export function collectionResponse(members: readonly string[]): Response {
  return json({ '@context': EPCIS_CONTEXT_URL, type: 'Collection', member: members });
}
