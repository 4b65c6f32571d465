import { isHexOfLength, toHex } from './bytes';
import { sha256 } from './hash';
import { canonicalJsonBytes } from './jcs';

/**
 * An anchor: one sealed period of the append-only chain, in its public JSON
 * form. Its hash is SHA-256(UTF-8(JCS(the anchor without `hash`))), and each
 * anchor names the previous one's hash, so changing any sealed period breaks
 * every later link. The first anchor (seq 0) has prevHash = 64 zeros.
 */
export type TAnchorRecord = {
  /** 0-based position in the chain; also the anchor's leaf index in the anchor log. */
  seq: number;
  /** Period bounds, as Date.prototype.toISOString() writes them (UTC, milliseconds). */
  periodStart: string;
  periodEnd: string;
  /** Database ids of the period's first and last event, in decimal. */
  firstEventId: string;
  lastEventId: string;
  /** Number of events (leaves) in the period tree. */
  treeSize: number;
  /** RFC 6962 root of the period tree, lowercase hex. */
  root: string;
  /** Hash of the previous anchor, lowercase hex; 64 zeros for seq 0. */
  prevHash: string;
};

export type TAnchor = TAnchorRecord & { hash: string };

export const GENESIS_PREV_HASH = '0'.repeat(64);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DECIMAL_ID = /^(?:0|[1-9]\d{0,18})$/;

const isDecimalId = (text: unknown): text is string => typeof text === 'string' && DECIMAL_ID.test(text);

/** True when `text` is a real instant written exactly as toISOString() writes it. */
function isIsoInstant(text: unknown): boolean {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return false;
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}

/**
 * What is wrong with `record` as an anchor record, or undefined if nothing.
 * Checks the shape only; whether the hash and links are right is the
 * business of anchorHash and the anchor log.
 */
export function anchorRecordProblem(record: TAnchorRecord): string | undefined {
  if (!Number.isSafeInteger(record.seq) || record.seq < 0) return 'seq must be an integer >= 0';
  if (!isIsoInstant(record.periodStart)) return 'periodStart must be an ISO 8601 UTC instant like 2026-01-31T12:00:00.000Z';
  if (!isIsoInstant(record.periodEnd)) return 'periodEnd must be an ISO 8601 UTC instant like 2026-01-31T12:00:00.000Z';
  if (!isDecimalId(record.firstEventId) || !isDecimalId(record.lastEventId)) return 'event ids must be decimal integers without leading zeros';
  if (BigInt(record.firstEventId) > BigInt(record.lastEventId)) return 'firstEventId must not exceed lastEventId';
  if (record.periodStart > record.periodEnd) return 'periodStart must not be after periodEnd';
  if (!Number.isSafeInteger(record.treeSize) || record.treeSize < 0) return 'treeSize must be an integer >= 0';
  if (!isHexOfLength(record.root, 32)) return 'root must be 64 lowercase hex digits';
  if (!isHexOfLength(record.prevHash, 32)) return 'prevHash must be 64 lowercase hex digits';
  return undefined;
}

/**
 * The bytes an anchor hash covers: UTF-8(JCS(record)) over exactly the eight
 * anchor fields (any `hash` or other extra field on the argument is left out).
 * requires: anchorRecordProblem(record) is undefined.
 */
export function anchorHashInput(record: TAnchorRecord): Uint8Array {
  const problem = anchorRecordProblem(record);
  if (problem) throw new TypeError(`anchor record: ${problem}`);
  const { seq, periodStart, periodEnd, firstEventId, lastEventId, treeSize, root, prevHash } = record;
  return canonicalJsonBytes({ seq, periodStart, periodEnd, firstEventId, lastEventId, treeSize, root, prevHash });
}

/** SHA-256(anchorHashInput(record)). requires: as anchorHashInput. */
export function anchorHash(record: TAnchorRecord): Uint8Array {
  return sha256(anchorHashInput(record));
}

/** anchorHash as lowercase hex. */
export function anchorHashHex(record: TAnchorRecord): string {
  return toHex(anchorHash(record));
}
