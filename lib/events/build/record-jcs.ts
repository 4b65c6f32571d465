import { CanonicalJsonError } from '@/lib/verify';
import type { TPublicRecord } from './ledger-records';

/*
 * JCS texts of records whose shape is fixed, written member by member in
 * RFC 8785 order (several times faster than sorting a copy): the public
 * record of every event, and the private record of a scan-built event.
 * Tests check each against lib/verify's canonicalJson (the definition) on
 * arbitrary inputs. Strings go through
 * JSON.stringify, which is JCS string escaping (RFC 8785 §3.2.2.2), after
 * the well-formedness check JCS requires.
 */

const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A JCS string. */
export function jcsString(value: string): string {
  if (!isWellFormed(value)) throw new CanonicalJsonError('a string contains a lone surrogate (not I-JSON)');
  return JSON.stringify(value);
}

const jcsNullable = (value: string | null) => (value === null ? 'null' : jcsString(value));

/** requires: record.epcs.count is a safe integer. */
export function publicRecordJcs(r: TPublicRecord): string {
  const a = r.actor;
  const actor = `{"country":${jcsString(a.country)}${a.gln === undefined ? '' : `,"gln":${jcsString(a.gln)}`}${a.name === undefined ? '' : `,"name":${jcsString(a.name)}`},"role":${jcsString(a.role)}}`;
  const batch = r.batch === null ? 'null' : `{"expiry":${jcsString(r.batch.expiry)},"gtin":${jcsString(r.batch.gtin)},"lot":${jcsString(r.batch.lot)}}`;
  // "recall" sorts between "privateDigest" and "recordTime"; absent on every event but a lib/recalls recall.
  const recall = r.recall === undefined ? '' : `"recall":{"class":${jcsString(r.recall.class)},"reason":${jcsString(r.recall.reason)}},`;
  return (
    `{"action":${jcsNullable(r.action)},"actor":${actor},"batch":${batch},"bizStep":${jcsNullable(r.bizStep)},"disposition":${jcsNullable(r.disposition)},` +
    `"epcs":{"count":${r.epcs.count},"root":${jcsString(r.epcs.root)}},"eventId":${jcsString(r.eventId)},"eventTime":${jcsString(r.eventTime)},` +
    `"eventTimeZoneOffset":${jcsString(r.eventTimeZoneOffset)},"privateDigest":${jcsString(r.privateDigest)},${recall}"recordTime":${jcsString(r.recordTime)},` +
    `"type":${jcsString(r.type)},"v":${r.v}}`
  );
}

/** The recorder member of a private record. */
export function recorderJcs(recorder: { id: string; gln: string; name: string }): string {
  return `{"gln":${jcsString(recorder.gln)},"name":${jcsString(recorder.name)},"orgId":${jcsString(recorder.id)}}`;
}

/**
 * A scan-built event's document as JCS, split where "recordTime" sorts
 * (after "readPoint", before "sourceList"), written by buildScanEvent from
 * what it built, so that the private record costs a few concatenations once
 * the record time is known (build-scan-event.test.ts checks the result
 * against canonicalJson).
 */
export type TDocumentJcs = { head: string; tail: string };

export function privateRecordJcs(document: TDocumentJcs, recordTime: string, recorder: string): string {
  return `{"event":${document.head},"recordTime":${jcsString(recordTime)}${document.tail},"recorder":${recorder}}`;
}
