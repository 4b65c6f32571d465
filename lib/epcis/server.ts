/**
 * lib/epcis on the server: the EPCIS 2.0 REST binding's capture and query
 * services and the helpers of its routes (app/epcis). Unlike the pure core
 * (lib/epcis/index.ts), these read and write the database and run in Node.
 *
 *   captureEpcisDocument(actor, body, { errorBehaviour })  POST /epcis/capture: validate, record (lib/events), job
 *   getCaptureJob(actor, captureID) / listCaptureJobs(actor, { perPage, nextPageToken })
 *   queryEpcisEvents(actor, query, { perPage, nextPageToken })   GET /epcis/events and its siblings: exact pages
 *   getEpcisEvent(actor, eventID)                          GET /epcis/events/{eventID}: the event and its error declarations
 *   withEpcis(options, handler)                            the route wrapper (auth, negotiation, GS1 headers, exception types)
 */
export { captureEpcisDocument, captureEventOf, checkErrorBehaviour, type TCaptureOptions, type TCaptureOutcome } from './capture/capture-epcis-document';
export { getCaptureJob, listCaptureJobs, type TCaptureJobPage } from './capture/read-capture-jobs';
export type { TCaptureJob, TCaptureProblem } from './capture/capture-job';
export { withEpcis, type TEpcisRouteOptions } from './http/with-epcis';
export { captureLimitHeaders, discoveryResponse, versionHeaders, EPCIS_VERSION, CBV_VERSION } from './http/binding-headers';
export { bindingExceptionType, type TBindingArea } from './http/binding-problem';
export { readEpcisBody } from './http/read-epcis-body';
export { nextLink } from './http/next-link';
export { readPerPage, DEFAULT_PER_PAGE, MAX_PER_PAGE } from './query/paging';
export { queryEpcisEvents, type TEventPage } from './store/query-epcis-events';
export { getEpcisEvent } from './store/get-epcis-event';
export { readEventQuery, type TQueryRequest } from './query/read-event-query';
export type { TEventQuery, TEpcMatch } from './query/event-query';
export { bizStepPathFilter, epcPathFilter, eventTypePathFilter } from './query/path-filters';
export { collectionResponse, eventPageResponse } from './http/query-responses';
