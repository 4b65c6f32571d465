/**
 * Capture limits. The HTTP layer advertises the first two as the REST
 * binding's GS1-EPCIS-Capture-File-Size-Limit and GS1-EPCIS-Capture-Limit
 * headers and must read at most EPCIS_MAX_DOCUMENT_BYTES of a body; the
 * parser enforces all of them again on the parsed value, so no caller can
 * hand it more work than these bounds allow.
 */

/** Largest accepted EPCIS document, in bytes of JSON text (10 MB). */
export const EPCIS_MAX_DOCUMENT_BYTES = 10_000_000;

/** Most events accepted in one EPCISDocument. */
export const EPCIS_MAX_EVENTS = 10_000;

/**
 * Deepest nesting of objects and arrays in a document. A standard event is
 * about eight levels below the document; the rest is room for user
 * extensions. Bounding it keeps every recursive step (validation, hashing,
 * copying) far from the call-stack limit.
 */
export const EPCIS_MAX_DEPTH = 48;

/** Most JSON values (objects, arrays, scalars) in one document. */
export const EPCIS_MAX_NODES = 2_000_000;

/** Most validation errors reported for one document; the rest are counted, not listed. */
export const EPCIS_MAX_REPORTED_ERRORS = 200;
