import { hash } from 'node:crypto';
import { buildPeriodTree, fastLeafHash, hashLeaves } from '@/lib/ledger/merkle';
import { canonicalJson, emptyRoot, toHex } from '@/lib/verify';
import type { TAuditedEvent } from './event-cursor';

type TRecord = { eventId?: unknown; privateDigest?: unknown; recordTime?: unknown; epcs?: { count?: unknown; root?: unknown } };

/** H(0x00 || public_record), recomputed from the stored text: the leaf the event must have been sealed as. */
export function recomputedLeaf(event: TAuditedEvent): Uint8Array {
  return fastLeafHash(Buffer.from(event.publicRecord, 'utf8'));
}

function parse(text: string): TRecord | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as TRecord) : undefined;
  } catch {
    return undefined;
  }
}

function privateDigest(event: TAuditedEvent): string | undefined {
  try {
    return hash('sha256', Buffer.concat([event.salt, Buffer.from(canonicalJson(event.privateRecord), 'utf8')]), 'hex');
  } catch {
    return undefined;
  }
}

function sameInstant(text: unknown, timeMs: number): boolean {
  return typeof text !== 'string' || Date.parse(text) === timeMs;
}

/**
 * The identifier tree's root (docs/ledger/proof-bundle.md: distinct keys,
 * sorted by UTF-16 code units, RFC 6962) without building a proof
 * structure: the audit needs only the root, for every event.
 */
function epcsRoot(keys: readonly string[]): { count: number; root: string } {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return { count: 0, root: toHex(emptyRoot()) };
  return { count: sorted.length, root: toHex(buildPeriodTree(hashLeaves(sorted.map((key) => Buffer.from(key, 'utf8')))).root) };
}

/**
 * What is wrong with one stored event on its own, or null: the columns must
 * be what the record they hold hashes and canonicalises to. (Whether it is
 * the record that was sealed is checked against its chunk.)
 */
export function eventRecordProblem(event: TAuditedEvent, leaf: Uint8Array): string | null {
  if (!Buffer.from(leaf).equals(event.leafHash)) return 'the stored leaf_hash is not SHA-256(0x00 || public_record)';
  const record = parse(event.publicRecord);
  if (!record) return 'the stored public record is not a JSON object';
  let canonical: string | undefined;
  try {
    canonical = canonicalJson(record);
  } catch {
    canonical = undefined;
  }
  if (canonical !== event.publicRecord) return 'the stored public record is not RFC 8785 canonical JSON';
  if (record.eventId !== event.eventId) return `the public record names event ${JSON.stringify(record.eventId)}, not the stored event ID`;
  if (record.privateDigest !== privateDigest(event)) return 'the stored private record and salt do not hash to the privateDigest of its public record';
  const tree = epcsRoot(event.epcs);
  if (record.epcs?.count !== tree.count || record.epcs?.root !== tree.root) return "the identifiers stored in event_epcs do not rebuild the record's identifier tree";
  if (!sameInstant(record.recordTime, event.recordTimeMs)) return 'the stored record_time is not the recordTime of its public record';
  return null;
}
