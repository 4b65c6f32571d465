import { json } from '@/lib/http';
import {
  captureEpcisDocument,
  captureLimitHeaders,
  checkErrorBehaviour,
  discoveryResponse,
  listCaptureJobs,
  nextLink,
  readEpcisBody,
  readPerPage,
  withEpcis,
} from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** Discovery (GS1 REST binding): versions, capture limits, error behaviour. */
export function OPTIONS(): Response {
  return discoveryResponse(['OPTIONS', 'POST', 'GET'], captureLimitHeaders());
}

/**
 * Captures an EPCIS 2.0 document, all or nothing, through the custody
 * rules; 202 with the capture job in Location (and in the body).
 */
export const POST = withEpcis({ auth: 'events:write', area: 'capture', headers: captureLimitHeaders() }, async (request, { actor }) => {
  const errorBehaviour = request.headers.get('GS1-Capture-Error-Behaviour');
  checkErrorBehaviour(errorBehaviour);
  const body = await readEpcisBody(request);
  const { job } = await captureEpcisDocument(actor, body, { errorBehaviour });
  return json(job, { status: 202, headers: { Location: `/epcis/capture/${job.captureID}` } });
});

/** The caller's capture jobs, newest first (the regulator: everyone's), paged with perPage / nextPageToken. */
export const GET = withEpcis({ auth: 'events:read', area: 'capture' }, async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  const page = await listCaptureJobs(actor, { perPage: readPerPage(params.get('perPage')), nextPageToken: params.get('nextPageToken') });
  return json(page.jobs, { headers: page.nextPageToken ? { Link: nextLink(request, page.nextPageToken) } : {} });
});
