import { describe, expect, it } from 'vitest';
import { bindingExceptionType, toBindingResponse } from './binding-problem';

describe('the binding\'s exception types', () => {
  it('maps the platform\'s problems to the types the REST binding names', () => {
    const cases: [string, number, 'capture' | 'query', string | null][] = [
      ['epcis_validation_failed', 422, 'capture', 'epcisException:ValidationException'],
      ['not_custodian', 409, 'capture', 'epcisException:ValidationException'],
      ['epcis_document_too_large', 413, 'capture', 'epcisException:CaptureLimitExceededException'],
      ['payload_too_large', 413, 'capture', 'epcisException:CaptureLimitExceededException'],
      ['unsupported_media_type', 415, 'capture', 'epcisException:UnsupportedMediaTypeException'],
      ['unauthenticated', 401, 'query', 'epcisException:SecurityException'],
      ['forbidden', 403, 'capture', 'epcisException:SecurityException'],
      ['epcis_event_not_found', 404, 'query', 'epcisException:NoSuchNameException'],
      ['epcis_query_parameter_invalid', 400, 'query', 'epcisException:QueryParameterException'],
      ['epcis_query_too_large', 413, 'query', 'epcisException:QueryTooLargeException'],
      ['epcis_version_unsupported', 406, 'query', 'epcisException:NotAcceptableException'],
      ['event_recorded_by_other_organisation', 409, 'capture', 'epcisException:ResourceAlreadyExistsException'],
      ['internal', 500, 'query', 'epcisException:ImplementationException'],
      ['too_many_attempts', 429, 'query', null],
      ['db_unavailable', 503, 'capture', null],
    ];
    for (const [code, status, area, type] of cases) expect(bindingExceptionType(code, status, area), code).toBe(type);
  });

  it('rewrites the type of a problem answer and keeps its status, body and headers', async () => {
    const problem = new Response(JSON.stringify({ type: '/problems/forbidden', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'No.' }), {
      status: 403,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    });
    const answer = await toBindingResponse(problem, 'capture', { 'GS1-EPCIS-Version': '2.0.0' });
    expect(answer.status).toBe(403);
    expect(Object.fromEntries(answer.headers)).toMatchObject({ 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'gs1-epcis-version': '2.0.0' });
    expect(await answer.json()).toEqual({ type: 'epcisException:SecurityException', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'No.' });
    const ok = await toBindingResponse(new Response('{"a":1}', { status: 202, headers: { location: '/x' } }), 'capture', { 'GS1-EPCIS-Version': '2.0.0' });
    expect([ok.status, ok.headers.get('location'), await ok.text()]).toEqual([202, '/x', '{"a":1}']);
  });
});
