import { AppError } from '@/lib/errors/app-error';
import { isObject } from '../json/shape';

/**
 * The REST binding says a capture endpoint should take an
 * EPCISQueryDocument as well as an EPCISDocument (so a partner can pass on
 * what another repository answered). Its events are captured as the
 * eventList of an EPCISDocument with the same @context, schemaVersion and
 * creationDate; the query's name and subscription are not kept. Anything
 * else is returned as it is, for parseEpcisDocument to judge.
 */
export function documentForCapture(body: unknown): unknown {
  if (!isObject(body) || body.type !== 'EPCISQueryDocument') return body;
  const results = isObject(body.epcisBody) && isObject(body.epcisBody.queryResults) ? body.epcisBody.queryResults.resultsBody : undefined;
  if (!isObject(results) || !Array.isArray(results.eventList)) {
    throw new AppError('epcis_not_a_document', 'The EPCISQueryDocument has no epcisBody.queryResults.resultsBody.eventList to capture.', {
      errors: [{ pointer: '/epcisBody/queryResults/resultsBody/eventList', code: 'missing', detail: 'epcisBody.queryResults.resultsBody.eventList is missing' }],
    });
  }
  return { '@context': body['@context'], type: 'EPCISDocument', schemaVersion: body.schemaVersion, creationDate: body.creationDate, epcisBody: { eventList: results.eventList } };
}
