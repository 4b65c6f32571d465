import { readIdentifier } from '../identifiers/read-identifier';
import { readDateTime } from '../time/date-time';
import { EVENT_TYPES } from '../types';
import { isAbsoluteUri } from '../uri';
import { normaliseVocabularyValue } from '../vocabulary/normalise-vocabulary';
import type { TVocabularyKind } from '../vocabulary/vocabularies';

/*
 * Values of query parameters, read into the form events are stored in.
 * Each reader returns the value or a reason that completes a sentence
 * starting with the parameter's name.
 */

export type TValue<T> = { ok: true; value: T } | { ok: false; reason: string };

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * A date-time with its zone. A '+' of an offset that arrived as a space (an
 * unencoded "+01:00" in a query string decodes to " 01:00") is read back as
 * '+': nothing else could have been meant.
 */
export function timeValue(raw: string): TValue<string> {
  const repaired = /T[\d:.]+ \d{2}:\d{2}$/.test(raw) ? raw.replace(/ (\d{2}:\d{2})$/, '+$1') : raw;
  const time = readDateTime(repaired);
  return time.ok ? { ok: true, value: time.utc } : { ok: false, reason: time.reason };
}

/** A standard event type, or the IRI of an extension type (stored expanded). */
export function eventTypeValue(raw: string): TValue<string> {
  if ((EVENT_TYPES as readonly string[]).includes(raw)) return { ok: true, value: raw };
  if (/^(https?:\/\/|urn:)/.test(raw) && isAbsoluteUri(raw)) return { ok: true, value: raw };
  return { ok: false, reason: `'${clip(raw)}' is not ${EVENT_TYPES.join(', ')} or the full IRI of an extension event type` };
}

export function vocabularyValue(kind: TVocabularyKind, raw: string): TValue<string> {
  const value = normaliseVocabularyValue(kind, raw);
  return value.ok ? { ok: true, value: value.value } : { ok: false, reason: value.reason };
}

/** A location or party: its canonical key, as readPoint and bizLocation are stored. */
export function identifierValue(raw: string): TValue<string> {
  const identifier = readIdentifier(raw);
  return identifier.ok ? { ok: true, value: identifier.key } : { ok: false, reason: identifier.reason };
}

/**
 * An EPC or class for MATCH_ parameters: an exact key, or for an EPC
 * pattern (urn:epc:idpat:sgtin:<company prefix>.<item reference>.*) every
 * pack of the GTIN (MATCH_epc) or every class of it (MATCH_epcClass).
 */
export function matchValue(raw: string, classes: boolean): TValue<{ key?: string; prefix?: string; classKey?: string }> {
  const identifier = readIdentifier(raw);
  if (!identifier.ok) return { ok: false, reason: identifier.reason };
  if (!raw.startsWith('urn:epc:idpat:') || !/^01\/\d{14}$/.test(identifier.key)) return { ok: true, value: { key: identifier.key } };
  return { ok: true, value: classes ? { classKey: identifier.key, prefix: `${identifier.key}/10/` } : { prefix: `${identifier.key}/21/` } };
}

/** An event ID as events carry it (our CBV 2.0 hash ID, or any URI). */
export function eventIdValue(raw: string): TValue<string> {
  return isAbsoluteUri(raw) ? { ok: true, value: raw } : { ok: false, reason: `'${clip(raw)}' is not an event ID (a URI such as ni:///sha-256;…?ver=CBV2.0)` };
}

/** A count: a whole number from 1 to 1,000,000,000. */
export function countValue(raw: string): TValue<number> {
  return /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 1e9 ? { ok: true, value: Number(raw) } : { ok: false, reason: `'${clip(raw)}' is not a whole number of at least 1` };
}
