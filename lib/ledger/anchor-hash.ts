import { hash } from 'node:crypto';
import { anchorHashInput, toHex, type TAnchor, type TAnchorRecord } from '@/lib/verify';

/**
 * An anchor as the database holds it (table `anchors`): timestamps as Date,
 * event ids as bigint, hashes as bytes. The public form and its hash are
 * defined in lib/verify/anchor-hash.ts, which the verifier shares; these
 * helpers only convert, so the sealer and the audit cannot hash a row any
 * other way than the public page does.
 */
export type TAnchorRow = {
  seq: number;
  periodStart: Date;
  periodEnd: Date;
  firstEventId: bigint;
  lastEventId: bigint;
  treeSize: number;
  root: Uint8Array;
  prevHash: Uint8Array;
};

/** The public JSON form of an anchor row (without its hash). */
export function anchorRecordFromRow(row: TAnchorRow): TAnchorRecord {
  return {
    seq: row.seq,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    firstEventId: row.firstEventId.toString(),
    lastEventId: row.lastEventId.toString(),
    treeSize: row.treeSize,
    root: toHex(row.root),
    prevHash: toHex(row.prevHash),
  };
}

/**
 * SHA-256(UTF-8(JCS(public form of the row))): the value of anchors.hash,
 * the next anchor's prev_hash, and the anchor log's leaf data. The bytes
 * come from lib/verify (one definition); only the hashing runs on
 * node:crypto, which the audit needs when it rehashes every anchor.
 * requires: a valid row (seq >= 0, 32-byte root and prevHash, ordered ids and times).
 */
export function computeAnchorHash(row: TAnchorRow): Uint8Array {
  return new Uint8Array(hash('sha256', anchorHashInput(anchorRecordFromRow(row)), 'buffer'));
}

/** The anchor as a proof bundle carries it: the public form plus its hash. */
export function anchorFromRow(row: TAnchorRow & { hash: Uint8Array }): TAnchor {
  return { ...anchorRecordFromRow(row), hash: toHex(row.hash) };
}
