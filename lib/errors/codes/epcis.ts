import type { TCodeTable } from './types';

/**
 * EPCIS 2.0 capture and query (lib/epcis). `epcis_validation_failed` lists
 * every failing event in `errors` (index in eventList, JSON Pointer, reason).
 * The two 413s are the capture limits the REST binding advertises as
 * GS1-EPCIS-Capture-File-Size-Limit and GS1-EPCIS-Capture-Limit.
 */
export const EPCIS_CODES = {
  epcis_not_a_document: { status: 422, title: 'The body is not an EPCIS 2.0 EPCISDocument' },
  epcis_validation_failed: { status: 422, title: 'One or more EPCIS events are invalid' },
  epcis_document_too_large: { status: 413, title: 'The EPCIS document exceeds the capture size limit' },
  epcis_too_many_events: { status: 413, title: 'The EPCIS document has more events than the capture limit' },
} as const satisfies TCodeTable;
