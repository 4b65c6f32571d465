/**
 * GS1 EPCIS 2.0 and CBV 2.0: validation of EPCIS JSON-LD into one internal
 * event model, the CBV 2.0 event hash ID, and EPCIS query documents. Pure
 * TypeScript, no database, no Node-only API. Reference: docs/epcis.md.
 *
 *   parseEpcisDocument(body)      capture: EPCISDocument -> TEventInput[]
 *   parseEpcisEvent(event)        one event (the simple scan API builds these)
 *   eventHashId(event, context)   the CBV 2.0 hash ID: identity and idempotency
 *   toQueryDocument(documents)    stored events -> EPCISQueryDocument
 */
export type {
  TBizTransaction,
  TEpcRole,
  TEpcisIssueCode,
  TErrorDeclaration,
  TEventAction,
  TEventEpc,
  TEventInput,
  TEventType,
  TExtensionEventType,
  TStandardEventType,
  TIlmd,
  TParsedEpcisDocument,
  TSourceDestination,
} from './types';
export { EVENT_TYPES, isStandardEventType } from './types';
export { EPCIS_MAX_DEPTH, EPCIS_MAX_DOCUMENT_BYTES, EPCIS_MAX_EVENTS, EPCIS_MAX_NODES, EPCIS_MAX_REPORTED_ERRORS } from './limits';
export { parseEpcisDocument, type TParseOptions } from './parse/parse-epcis-document';
export { parseEpcisEvent } from './parse/parse-epcis-event';
export { EVENT_HASH_VERSION, eventHashId, eventPreHashString, isEventHashId, nobleSha256Hex, type TSha256Hex } from './hash/event-hash-id';
export { toQueryDocument, type TQueryDocumentOptions } from './query/to-query-document';
export { EPCIS_CONTEXT_URL, STANDARD_PREFIXES } from './context/prefixes';
export {
  CBV_BIZ_STEPS,
  CBV_BIZ_TRANSACTION_TYPES,
  CBV_COMPONENTS,
  CBV_DISPOSITIONS,
  CBV_ERROR_REASONS,
  CBV_SOURCE_DESTINATION_TYPES,
  type TCbvBizStep,
  type TCbvDisposition,
} from './vocabulary/cbv-lists';
export { GS1_MEASUREMENT_TYPES, GS1_SENSOR_ALERT_TYPES } from './vocabulary/sensor-lists';
export {
  bizStepUri,
  dispositionUri,
  isCbvBizStep,
  isCbvDisposition,
  isVocabularyWord,
  vocabularyUri,
  CBV_NAMESPACE,
  GS1_VOC_NAMESPACE,
  type TVocabularyKind,
} from './vocabulary/vocabularies';
export { normaliseVocabularyValue, vocabularyValueUri, type TVocabularyValue } from './vocabulary/normalise-vocabulary';
export { readDateTime, isTimeZoneOffset } from './time/date-time';
export { readIdentifier, type TIdentifier } from './identifiers/read-identifier';
