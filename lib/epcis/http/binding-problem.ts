import type { TErrorCode } from '@/lib/errors/codes';

/**
 * The exception types of the EPCIS 2.0 REST binding (the `type` enums of its
 * problem responses), for the problems the /epcis routes answer with. The
 * platform's stable `code` stays in the body; `type` becomes the binding's
 * value, which is what EPCIS clients switch on. Problems the binding has no
 * type for (429, 503) keep the platform's /problems/<code> type.
 */
export type TBindingArea = 'capture' | 'query';

const BY_CODE: Partial<Record<TErrorCode, string>> = {
  epcis_document_too_large: 'CaptureLimitExceededException',
  epcis_too_many_events: 'CaptureLimitExceededException',
  payload_too_large: 'CaptureLimitExceededException',
  unsupported_media_type: 'UnsupportedMediaTypeException',
  epcis_version_unsupported: 'NotAcceptableException',
  epcis_not_acceptable: 'NotAcceptableException',
  epcis_query_parameter_unknown: 'QueryParameterException',
  epcis_query_parameter_unsupported: 'QueryParameterException',
  epcis_query_parameter_invalid: 'QueryParameterException',
  epcis_page_token_invalid: 'QueryParameterException',
  epcis_query_too_large: 'QueryTooLargeException',
  epcis_query_too_complex: 'QueryTooComplexException',
  event_recorded_by_other_organisation: 'ResourceAlreadyExistsException',
};

/** The binding's exception for a problem, by code first, then by status; null when the binding has none. */
export function bindingExceptionType(code: string, status: number, area: TBindingArea): string | null {
  const name = BY_CODE[code as TErrorCode] ?? byStatus(status, area);
  return name === null ? null : `epcisException:${name}`;
}

function byStatus(status: number, area: TBindingArea): string | null {
  if (status === 401 || status === 403) return 'SecurityException';
  if (status === 404) return 'NoSuchNameException';
  if (status === 406) return 'NotAcceptableException';
  if (status === 414) return 'URITooLongException';
  if (status === 415) return 'UnsupportedMediaTypeException';
  if (status === 413) return area === 'capture' ? 'CaptureLimitExceededException' : 'QueryTooLargeException';
  // Everything else a client sent wrong: an invalid document, an event the custody rules refuse (409, 422).
  if (status >= 400 && status < 500 && status !== 429) return area === 'capture' ? 'ValidationException' : 'QueryValidationException';
  if (status === 500 || status === 501) return 'ImplementationException';
  return null;
}

/**
 * The same answer with the binding's exception type, the GS1 version
 * headers and `extraHeaders`; any other answer gets the headers only.
 */
export async function toBindingResponse(response: Response, area: TBindingArea, extraHeaders: Record<string, string>): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  if (headers.get('content-type') !== 'application/problem+json') {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const problem = (await response.json()) as Record<string, unknown>;
  const type = bindingExceptionType(String(problem.code), response.status, area);
  const body = type === null ? problem : { ...problem, type };
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
