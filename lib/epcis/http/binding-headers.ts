import { EPCIS_MAX_DOCUMENT_BYTES, EPCIS_MAX_EVENTS } from '../limits';

/*
 * The GS1 headers of the EPCIS 2.0 REST binding (REST Bindings/openapi.yaml,
 * components/headers) as this repository answers them. Versions are the
 * binding's three-part form.
 */

export const EPCIS_VERSION = '2.0.0';
export const CBV_VERSION = '2.0.0';

/** On every /epcis answer: which standard the body speaks. */
export function versionHeaders(): Record<string, string> {
  return { 'GS1-EPCIS-Version': EPCIS_VERSION, 'GS1-CBV-Version': CBV_VERSION };
}

/** The capture limits (docs/decisions/042): on OPTIONS /capture, on 202 and on 413 answers of capture. */
export function captureLimitHeaders(): Record<string, string> {
  return {
    'GS1-EPCIS-Capture-Limit': String(EPCIS_MAX_EVENTS),
    'GS1-EPCIS-Capture-File-Size-Limit': String(EPCIS_MAX_DOCUMENT_BYTES),
    // Only rollback: a document is recorded all or nothing (docs/decisions/043).
    'GS1-Capture-Error-Behaviour': 'rollback',
  };
}

/**
 * The discovery answer of OPTIONS (204): methods, versions (2.0 only, so
 * minimum and maximum are the same), and that identifiers are returned
 * exactly as they were captured (Never_Translates): a Digital Link stays a
 * Digital Link, a URN a URN.
 */
export function discoveryHeaders(allow: readonly string[], extra: Record<string, string> = {}): Headers {
  return new Headers({
    Allow: allow.join(', '),
    ...versionHeaders(),
    'GS1-EPCIS-Min': EPCIS_VERSION,
    'GS1-EPCIS-Max': EPCIS_VERSION,
    'GS1-CBV-Min': CBV_VERSION,
    'GS1-CBV-Max': CBV_VERSION,
    'GS1-EPC-Format': 'Never_Translates',
    ...extra,
  });
}

/** A 204 OPTIONS answer. */
export function discoveryResponse(allow: readonly string[], extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: discoveryHeaders(allow, extra) });
}
