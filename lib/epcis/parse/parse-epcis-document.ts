import { AppError } from '@/lib/errors/app-error';
import { isResolvableExtensionKey, prefixesOf } from '../context/prefixes';
import { guardJson } from '../json/guard-json';
import { pointerOf } from '../json/pointer';
import { copyJson, isObject } from '../json/shape';
import { EPCIS_MAX_EVENTS } from '../limits';
import { problemsFromIssues, type TEventProblem } from '../schema/describe-issue';
import { ZEpcisDocumentEnvelope, DOCUMENT_KEYS } from '../schema/document-schema';
import type { TEventInput, TParsedEpcisDocument } from '../types';
import type { TSha256Hex } from '../hash/event-hash-id';
import { buildEventInput } from './parse-epcis-event';
import { validateEvent } from './validate-event';
import { validationError, type TLocatedProblem } from './validation-error';

/**
 * Validates an EPCIS 2.0 EPCISDocument (JSON-LD, already parsed from JSON)
 * and returns every event as the internal model, in eventList order. All or
 * nothing: if any event is invalid, nothing is returned and the error lists
 * every problem of every event.
 *
 * `options.sha256Hex` replaces the pure SHA-256 of the hash IDs.
 *
 * Throws epcis_document_too_large / epcis_too_many_events (413) past the
 * capture limits, epcis_not_a_document (422) for anything but an EPCIS 2.0
 * EPCISDocument, epcis_validation_failed (422) for invalid events.
 */
export type TParseOptions = {
  /** SHA-256 for the event hash IDs (a native one on servers; default @noble/hashes). */
  sha256Hex?: TSha256Hex;
};

export function parseEpcisDocument(raw: unknown, options: TParseOptions = {}): TParsedEpcisDocument {
  guardJson(raw);
  if (!isObject(raw)) throw notADocument(`The body must be a JSON object, an EPCISDocument (got ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw}).`);
  checkEnvelope(raw);
  const eventList = (raw.epcisBody as { eventList: unknown[] }).eventList;
  const documentPrefixes = prefixesOf(raw['@context']);
  const problems: TLocatedProblem[] = [];
  const valid: (() => TEventInput)[] = [];
  eventList.forEach((event, index) => {
    const prefixes = prefixesOf(isObject(event) ? event['@context'] : null, documentPrefixes);
    const validation = validateEvent(event, prefixes);
    if (validation.ok) valid.push(() => buildEventInput(validation.type, validation.event, prefixes, options.sha256Hex));
    else problems.push(...validation.problems.map((problem) => ({ index, base: ['epcisBody', 'eventList', index], problem })));
  });
  if (problems.length > 0) throw validationError(problems);
  return { events: valid.map((build) => build()), context: copyJson(raw['@context']) };
}

function checkEnvelope(raw: Record<string, unknown>): void {
  if (raw.type !== 'EPCISDocument') {
    const got = raw.type === undefined ? 'no type' : `type ${JSON.stringify(raw.type).slice(0, 60)}`;
    throw notADocument(`The body has ${got}; capture accepts an EPCIS 2.0 document with "type": "EPCISDocument".`, [{ path: ['type'], code: 'invalid_value', detail: `type must be "EPCISDocument" (got ${got.replace(/^type /, '')})` }]);
  }
  const parsed = ZEpcisDocumentEnvelope.safeParse(raw, { reportInput: true });
  const problems: TEventProblem[] = parsed.success ? [] : problemsFromIssues(parsed.error.issues);
  const prefixes = prefixesOf(raw['@context']);
  for (const key of Object.keys(raw)) {
    if (!DOCUMENT_KEYS.has(key) && !isResolvableExtensionKey(key, prefixes)) {
      problems.push({ path: [key], code: 'unknown_field', detail: `${key} is not a field of an EPCISDocument` });
    }
  }
  if (problems.length > 0) throw validationError(problems.map((problem) => ({ base: [], problem })), 'epcis_not_a_document', 'The EPCISDocument');
  const count = (raw.epcisBody as { eventList: unknown[] }).eventList.length;
  if (count > EPCIS_MAX_EVENTS) {
    throw new AppError('epcis_too_many_events', `The document has ${count} events; the capture limit is ${EPCIS_MAX_EVENTS} per document. Split it into several captures.`, {
      extra: { eventCount: count, limit: EPCIS_MAX_EVENTS },
    });
  }
}

function notADocument(detail: string, problems: TEventProblem[] = []): AppError {
  return new AppError('epcis_not_a_document', detail, problems.length > 0 ? { errors: problems.map((p) => ({ pointer: pointerOf(p.path), code: p.code, detail: p.detail })) } : undefined);
}
