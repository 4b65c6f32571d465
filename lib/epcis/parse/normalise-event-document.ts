import { usedUserPrefixes, type TPrefixes } from '../context/prefixes';
import { arrayOf, copyJson, isObject } from '../json/shape';
import { normaliseVocabularyValue } from '../vocabulary/normalise-vocabulary';
import type { TVocabularyKind } from '../vocabulary/vocabularies';

/** Standard fields in the order EPCIS 2.0 lists them; stored documents use it so they read alike. */
const FIELD_ORDER = [
  '@context', 'type', 'eventID', 'eventTime', 'recordTime', 'eventTimeZoneOffset', 'certificationInfo', 'errorDeclaration', 'epcList',
  'parentID', 'childEPCs', 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'quantityList',
  'childQuantityList', 'action', 'transformationID', 'bizStep', 'disposition', 'persistentDisposition', 'readPoint',
  'bizLocation', 'bizTransactionList', 'sourceList', 'destinationList', 'sensorElementList', 'ilmd',
];

/**
 * The event as we store and return it (see TEventInput.document): a copy in
 * which CBV and GS1 vocabulary values are bare words (the spelling GS1's JSON
 * Schema requires: it refuses legacy URNs), recordTime is dropped (the
 * capture time is ours to set), eventID is the declared one or else our hash
 * ID, and "@context" holds the non-standard prefixes the event uses, so the
 * stored event means the same thing without its original document.
 *
 * requires: `event` passed validation.
 */
export function normaliseEventDocument(event: Record<string, unknown>, hashId: string, prefixes: TPrefixes): Record<string, unknown> {
  const copy = copyJson(event);
  delete copy.recordTime;
  delete copy['@context'];
  const context = usedUserPrefixes(copy, prefixes);
  if (Object.keys(context).length > 0) copy['@context'] = context;
  if (copy.eventID === undefined) copy.eventID = hashId;
  normaliseVocabulary(copy);
  return inFieldOrder(copy);
}

/** The same event with its standard fields in EPCIS 2.0's order, then the others as they come (stored jsonb keeps no order). */
export function inFieldOrder(event: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (event[key] !== undefined) ordered[key] = event[key];
  for (const [key, value] of Object.entries(event)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered;
}

function normaliseVocabulary(event: Record<string, unknown>): void {
  setWord(event, 'bizStep', 'bizStep');
  setWord(event, 'disposition', 'disposition');
  if (isObject(event.persistentDisposition)) {
    const disposition = event.persistentDisposition;
    for (const key of ['set', 'unset']) if (Array.isArray(disposition[key])) disposition[key] = disposition[key].map((v: unknown) => word('disposition', v));
  }
  if (isObject(event.errorDeclaration)) setWord(event.errorDeclaration, 'reason', 'errorReason');
  for (const item of arrayOf(event.bizTransactionList)) if (isObject(item)) setWord(item, 'type', 'bizTransactionType');
  for (const list of [event.sourceList, event.destinationList]) for (const item of arrayOf(list)) if (isObject(item)) setWord(item, 'type', 'sourceDestinationType');
  for (const element of arrayOf(event.sensorElementList)) {
    if (!isObject(element)) continue;
    for (const report of arrayOf(element.sensorReport)) {
      if (!isObject(report)) continue;
      setWord(report, 'type', 'measurementType');
      setWord(report, 'exception', 'sensorAlertType');
      setWord(report, 'component', 'component');
    }
  }
}

function setWord(part: Record<string, unknown>, key: string, kind: TVocabularyKind): void {
  if (part[key] !== undefined) part[key] = word(kind, part[key]);
}

/** The bare word of a standard value, any other value unchanged. */
export function word(kind: TVocabularyKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const normalised = normaliseVocabularyValue(kind, value);
  return normalised.ok ? normalised.value : value;
}
