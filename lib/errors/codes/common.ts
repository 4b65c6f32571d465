import type { TCodeTable } from './types';

/** Codes any route may answer with. */
export const COMMON_CODES = {
  bad_request: { status: 400, title: 'The request is malformed' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  validation_failed: { status: 422, title: 'The request failed validation' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still in progress' },
  rate_limited: { status: 429, title: 'Too many requests' },
  db_unavailable: { status: 503, title: 'The database is unavailable; try again shortly' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies TCodeTable;
