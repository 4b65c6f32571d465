/**
 * The internal event model: what every write path (EPCIS capture, the simple
 * scan API, the UI) hands to the events service, whatever form the event
 * arrived in. Built only by parseEpcisEvent / parseEpcisDocument, so every
 * value here has been validated and normalised.
 */

/** The five event types of EPCIS 2.0 §7.4. */
export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
export type TStandardEventType = (typeof EVENT_TYPES)[number];

/**
 * An extension event type (EPCIS 2.0 §7.2.1, GS1's schema "Extended-Event"):
 * the absolute IRI of a type someone else defined, e.g.
 * "https://ns.example.com/epcis/CustomEvent" (sent as the compact IRI
 * "example:CustomEvent"). Recorded and queried, never interpreted.
 */
export type TExtensionEventType = `${string}:${string}`;

export type TEventType = TStandardEventType | TExtensionEventType;

export function isStandardEventType(type: string): type is TStandardEventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

export type TEventAction = 'ADD' | 'OBSERVE' | 'DELETE';

/**
 * How an event names an identifier: epcList -> epc, parentID -> parent,
 * childEPCs -> child, inputEPCList -> input, outputEPCList -> output, and the
 * epcClass of any quantity list -> quantity.
 */
export type TEpcRole = 'epc' | 'parent' | 'child' | 'input' | 'output' | 'quantity';

export type TEventEpc = {
  /** Canonical key from lib/gs1 ("01/<gtin14>/21/<serial>", "00/<sscc>", ...); any other URI exactly as sent. */
  key: string;
  role: TEpcRole;
};

export type TSourceDestination = {
  /** Bare CBV word (owning_party, possessing_party, location) or, for other types, the URI as sent. */
  type: string;
  /** Canonical key for a GS1 key (a GLN: "414/<gln>", "417/<gln>"), otherwise the URI as sent. */
  id: string;
};

export type TBizTransaction = {
  /** Bare CBV word (po, desadv, inv, ...), another type URI as sent, or null when untyped. */
  type: string | null;
  /** The business transaction identifier exactly as sent. */
  id: string;
};

/** Instance/lot master data. `lot` and `expiry` are lifted from cbvmda:lotNumber and cbvmda:itemExpirationDate. */
export type TIlmd = { lot?: string; expiry?: string; [key: string]: unknown };

/** An error declaration (EPCIS 2.0 §7.4.1.4): the event it is carried by declares an earlier event with the same content erroneous. */
export type TErrorDeclaration = {
  /** ISO-8601 UTC with milliseconds. */
  declarationTime: string;
  /** Bare CBV word (did_not_occur, incorrect_data), another URI as sent, or null. */
  reason: string | null;
  correctiveEventIds: string[];
};

export type TEventInput = {
  /** A standard type, or the expanded IRI of an extension event type (the document keeps the spelling sent). */
  type: TEventType;
  /** Null for a TransformationEvent, which has no action, and for extension event types. */
  action: TEventAction | null;
  /** Bare CBV word ("shipping") for CBV values, the absolute URI as sent otherwise. */
  bizStep: string | null;
  /** Bare CBV word ("in_transit") for CBV values, the absolute URI as sent otherwise. */
  disposition: string | null;
  /** ISO-8601 UTC with milliseconds, e.g. 2026-01-02T03:04:05.000Z (finer digits rounded half up). */
  eventTime: string;
  /** ±hh:mm as sent. */
  eventTimeZoneOffset: string;
  /** Canonical keys in document order, each (key, role) once. */
  epcs: TEventEpc[];
  /** Canonical key for an SGLN ("414/<gln>[/254/<ext>]"), the URI as sent otherwise. */
  readPoint: string | null;
  bizLocation: string | null;
  sources: TSourceDestination[];
  destinations: TSourceDestination[];
  bizTransactions: TBizTransaction[];
  ilmd: TIlmd | null;
  /** The error declaration this event carries, if any. Its hashId equals the declared event's. */
  errorDeclaration: TErrorDeclaration | null;
  /** CBV 2.0 event hash ID computed by us (ni:///sha-256;<hex>?ver=CBV2.0): the event's identity. */
  hashId: string;
  /** The eventID the sender gave, if any. Kept, never trusted as identity. */
  declaredEventId: string | null;
  /**
   * The event as normalised EPCIS 2.0 JSON-LD: what is stored as the private
   * record and returned by queries. Valid against GS1's JSON Schema. CBV
   * values as bare words, recordTime removed, eventID = declaredEventId ??
   * hashId, identifiers and extension fields as sent, and an "@context" with
   * the non-standard prefixes the event uses, so it stands on its own.
   */
  document: Record<string, unknown>;
};

export type TParsedEpcisDocument = {
  events: TEventInput[];
  /** The document's @context as sent (extension prefixes live here). */
  context: unknown;
};

/** Stable machine-readable reasons of one validation problem (`code` of a problem item). */
export type TEpcisIssueCode =
  | 'not_an_object'
  | 'missing'
  | 'invalid_type'
  | 'invalid_value'
  | 'unknown_field'
  | 'unsupported_event_type'
  | 'invalid_time'
  | 'invalid_time_zone_offset'
  | 'unknown_vocabulary'
  | 'invalid_uri'
  | 'invalid_identifier'
  | 'duplicate_identifier'
  | 'undeclared_prefix'
  | 'forbidden_key'
  | 'event_content';
