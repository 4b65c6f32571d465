import { createHash, hash } from 'node:crypto';
import type { TEventInput } from '@/lib/epcis';
import { canonicalJson } from '@/lib/verify';
import { fastCanonicalJson } from './fast-canonical-json';
import { privateRecordJcs, publicRecordJcs, recorderJcs, type TDocumentJcs } from './record-jcs';
import type { TOrgRef } from '../types';
import { epcsSummary } from './epcs-summary';

/**
 * The two records of an event (DESIGN.md, "The ledger"; docs/decisions/052):
 *
 * - the public record, the ledger's leaf data, which anyone may read:
 *   what happened to which identifiers (as a Merkle root), when, by what kind
 *   of organisation, and a digest of the private record. Distributors and
 *   pharmacies appear only as role and country, and there are no sources,
 *   destinations or business documents, so the public page cannot reveal who
 *   supplies whom.
 * - the private record: the full EPCIS event and who recorded it, shown only
 *   to the parties of the event, who check it against `privateDigest`.
 */
export type TBatchRef = { gtin: string; lot: string; expiry: string };

/**
 * What a recall event tells the public besides its disposition: why, and how
 * serious (class I: may cause serious harm or death; II: temporary or
 * reversible harm; III: unlikely to cause harm). Present only on the events
 * lib/recalls records, so the public page can show RECALLED with the reason
 * from the proven record itself (docs/decisions/070).
 */
export type TRecallRef = { class: 'I' | 'II' | 'III'; reason: string };

export type TPublicRecord = {
  v: 1;
  eventId: string;
  type: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  epcs: { count: number; root: string };
  batch: TBatchRef | null;
  actor: { role: string; country: string; name?: string; gln?: string };
  privateDigest: string;
  /** Only on recall events recorded by lib/recalls. */
  recall?: TRecallRef;
};

export type TLedgerRecords = {
  /** JCS text: stored verbatim in events.public_record. */
  publicRecord: string;
  /** JCS text of the private record (valid JSON for the jsonb column). */
  privateRecord: string;
  salt: Buffer;
  /** SHA-256(0x00 || UTF-8(publicRecord)) */
  leafHash: Buffer;
};

export type TRecordContext = {
  eventId: string;
  recordTime: string;
  batch: TBatchRef | null;
  recorder: TOrgRef;
  salt: Buffer;
  /** The document's JCS when the scan API built it (then the private record is written without copying the document). */
  documentJcs?: TDocumentJcs;
  /** The recall's class and reason, for a recall event recorded by lib/recalls. */
  recall?: TRecallRef;
};

/** requires: salt is 16 bytes of randomness; the input's strings are well-formed Unicode (canonicalJson throws otherwise). */
export function buildLedgerRecords(input: TEventInput, context: TRecordContext): TLedgerRecords {
  const privateRecord = context.documentJcs
    ? privateRecordJcs(context.documentJcs, context.recordTime, recorderOf(context.recorder).jcs)
    : fastCanonicalJson(privateRecordOf(input, context));
  const privateDigest = createHash('sha256').update(context.salt).update(privateRecord, 'utf8').digest('hex');
  const publicRecord = publicRecordJcs(publicRecordOf(input, context, privateDigest));
  // One-shot hash() (cheaper than createHash() for one input); UTF-8 of "\u0000" + text is 0x00 followed by the text's UTF-8.
  const leafHash = hash('sha256', `\u0000${publicRecord}`, 'buffer');
  return { publicRecord, privateRecord, salt: context.salt, leafHash };
}

/** The private record: the EPCIS event as stored (eventID = our hash ID, recordTime = ours) and the recorder. */
export function privateRecordOf(input: TEventInput, context: Pick<TRecordContext, 'recordTime' | 'recorder'>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    event: { ...input.document, eventID: input.hashId, recordTime: context.recordTime },
    recorder: { orgId: context.recorder.id, gln: context.recorder.gln, name: context.recorder.name },
  };
  if (input.declaredEventId !== null && input.declaredEventId !== input.hashId) record.declaredEventId = input.declaredEventId;
  return record;
}

export function publicRecordOf(input: TEventInput, context: TRecordContext, privateDigest: string): TPublicRecord {
  return {
    v: 1,
    eventId: context.eventId,
    type: input.type,
    action: input.action,
    bizStep: input.bizStep,
    disposition: input.disposition,
    eventTime: input.eventTime,
    eventTimeZoneOffset: input.eventTimeZoneOffset,
    recordTime: context.recordTime,
    epcs: epcsSummary(input.epcs.map((e) => e.key)),
    batch: context.batch,
    actor: recorderOf(context.recorder).actor,
    privateDigest,
    ...(context.recall ? { recall: { class: context.recall.class, reason: context.recall.reason } } : {}),
  };
}

/** The recorder's public actor and private JCS, computed once per organisation object (one per request), not per event. */
const recorders = new WeakMap<TOrgRef, { actor: TPublicRecord['actor']; jcs: string }>();

function recorderOf(org: TOrgRef): { actor: TPublicRecord['actor']; jcs: string } {
  let found = recorders.get(org);
  if (!found) recorders.set(org, (found = { actor: publicActor(org), jcs: recorderJcs(org) }));
  return found;
}

/** Manufacturers and regulators act publicly under their name; traders only as a role in a country. */
export function publicActor(org: TOrgRef): TPublicRecord['actor'] {
  const actor: TPublicRecord['actor'] = { role: org.role.toLowerCase(), country: org.country };
  if (org.role === 'MANUFACTURER' || org.role === 'REGULATOR') {
    actor.name = org.name;
    actor.gln = org.gln;
  }
  return actor;
}

/** privateDigest recomputed from a stored private record (jsonb gives keys in its own order; JCS sorts them again). */
export function privateDigestOf(salt: Uint8Array, privateRecord: unknown): string {
  return createHash('sha256').update(salt).update(canonicalJson(privateRecord), 'utf8').digest('hex');
}
