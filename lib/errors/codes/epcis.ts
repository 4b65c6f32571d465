import type { TCodeTable } from './types';

/**
 * EPCIS 2.0 capture and query (lib/epcis, the /epcis REST binding).
 * `epcis_validation_failed` lists every failing event in `errors` (index in
 * eventList, JSON Pointer, reason). The two capture 413s are the limits the
 * REST binding advertises as GS1-EPCIS-Capture-File-Size-Limit and
 * GS1-EPCIS-Capture-Limit. The /epcis routes answer these problems with the
 * binding's exception type (`epcisException:...`) as `type`
 * (lib/epcis/http/binding-problem.ts); the code stays the stable key.
 */
export const EPCIS_CODES = {
  epcis_not_a_document: { status: 422, title: 'The body is not an EPCIS 2.0 EPCISDocument' },
  epcis_validation_failed: { status: 422, title: 'One or more EPCIS events are invalid' },
  epcis_document_too_large: { status: 413, title: 'The EPCIS document exceeds the capture size limit' },
  epcis_too_many_events: { status: 413, title: 'The EPCIS document has more events than the capture limit' },
  epcis_capture_behaviour_unsupported: { status: 400, title: 'This repository captures documents all or nothing (GS1-Capture-Error-Behaviour: rollback)' },
  epcis_capture_interrupted: { status: 500, title: 'The capture job was interrupted before it finished' },
  epcis_capture_not_found: { status: 404, title: 'No capture job with this ID' },
  epcis_version_unsupported: { status: 406, title: 'This repository speaks EPCIS 2.0 and CBV 2.0 only' },
  epcis_not_acceptable: { status: 406, title: 'This repository answers in JSON (application/json or application/ld+json) only' },
  epcis_event_not_found: { status: 404, title: 'No event with this ID' },
  epcis_query_parameter_unknown: { status: 400, title: 'The query names a parameter EPCIS does not define' },
  epcis_query_parameter_unsupported: { status: 400, title: 'The query uses an EPCIS parameter this repository does not support' },
  epcis_query_parameter_invalid: { status: 400, title: 'A query parameter has an invalid value' },
  epcis_query_too_large: { status: 413, title: 'The query matches more events than maxEventCount allows' },
  epcis_query_too_complex: { status: 413, title: 'The query took too long to answer; narrow it' },
  epcis_page_token_invalid: { status: 400, title: 'The nextPageToken is not one this query issued' },
} as const satisfies TCodeTable;
