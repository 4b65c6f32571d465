import { prefixesOf, STANDARD_PREFIXES, type TPrefixes } from '../context/prefixes';
import { hashIdWithPrefixes, type TSha256Hex } from '../hash/event-hash-id';
import { guardJson } from '../json/guard-json';
import type { TEventInput, TEventType } from '../types';
import { bizTransactions, errorDeclaration, eventAction, eventEpcs, locationKey, sourcesOrDestinations, utcTime, vocabularyField } from './build-event-input';
import { normaliseEventDocument } from './normalise-event-document';
import { readIlmd } from './read-ilmd';
import { validateEvent } from './validate-event';
import { validationError } from './validation-error';

/**
 * Validates one EPCIS 2.0 event (JSON-LD, as in an eventList) and returns
 * the internal model, with our CBV 2.0 hash ID as its identity. Prefixes
 * of extension fields come from the event's own "@context". Used by the
 * simple scan API, which builds EPCIS events from barcode scans; `index`
 * only labels the errors ("event 3: ...").
 *
 * Throws epcis_validation_failed (422) listing every problem of the event,
 * or epcis_document_too_large (413).
 */
export function parseEpcisEvent(raw: unknown, index?: number): TEventInput {
  guardJson(raw, 'The event', index);
  const prefixes = prefixesOf((raw as Record<string, unknown> | null)?.['@context'] ?? null, STANDARD_PREFIXES);
  const validation = validateEvent(raw, prefixes);
  if (!validation.ok) throw validationError(validation.problems.map((problem) => ({ index, base: [], problem })), 'epcis_validation_failed', 'The event');
  return buildEventInput(validation.type, validation.event, prefixes);
}

/**
 * The model of an event that passed validateEvent. `sha256Hex` computes
 * its hash ID (default: the pure @noble/hashes).
 *
 * requires: validateEvent(event, prefixes).ok
 */
export function buildEventInput(type: TEventType, event: Record<string, unknown>, prefixes: TPrefixes, sha256Hex?: TSha256Hex): TEventInput {
  const hashId = hashIdWithPrefixes(event, prefixes, sha256Hex);
  const declaredEventId = typeof event.eventID === 'string' ? event.eventID : null;
  return {
    type,
    action: eventAction(type, event),
    bizStep: vocabularyField(event.bizStep, 'bizStep'),
    disposition: vocabularyField(event.disposition, 'disposition'),
    eventTime: utcTime(event.eventTime),
    eventTimeZoneOffset: String(event.eventTimeZoneOffset),
    epcs: eventEpcs(event),
    readPoint: locationKey(event.readPoint),
    bizLocation: locationKey(event.bizLocation),
    sources: sourcesOrDestinations(event.sourceList, 'source'),
    destinations: sourcesOrDestinations(event.destinationList, 'destination'),
    bizTransactions: bizTransactions(event.bizTransactionList),
    ilmd: readIlmd(event.ilmd, prefixes).ilmd,
    errorDeclaration: errorDeclaration(event.errorDeclaration),
    hashId,
    declaredEventId,
    document: normaliseEventDocument(event, hashId, prefixes),
  };
}
