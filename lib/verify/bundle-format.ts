import { anchorRecordProblem, type TAnchor } from './anchor-hash';
import { isHexOfLength } from './bytes';
import type { TProofBundle } from './bundle-types';

/**
 * Hand-written shape checks for a version 1 proof bundle (lib/verify cannot
 * use zod). Unknown members are refused everywhere except inside the event
 * record: a v1 verifier must not silently ignore a field that a later format
 * might rely on; such a format gets a new version number instead.
 */

/** Deeper than any tree of 2^53 leaves: a longer path is junk, not a proof. */
const MAX_PATH = 64;
const MAX_CHECKPOINT_LENGTH = 1 << 20;

class FormatProblem extends Error {}

type TRecord = Record<string, unknown>;

function object(value: unknown, where: string, keys: readonly string[] | null): TRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FormatProblem(`${where} must be an object`);
  if (keys === null) return value as TRecord;
  const present = Object.keys(value);
  const missing = keys.find((k) => !present.includes(k));
  if (missing !== undefined) throw new FormatProblem(`${where}.${missing} is missing`);
  // Compared with undefined, not truthiness: a member named "" is unknown too.
  const extra = present.find((k) => !keys.includes(k));
  if (extra !== undefined) throw new FormatProblem(`${where}.${extra === '' ? '""' : extra} is not part of format version 1`);
  return value as TRecord;
}

function integer(value: unknown, where: string, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new FormatProblem(`${where} must be an integer >= ${min}`);
}

function text(value: unknown, where: string): void {
  if (typeof value !== 'string' || value === '') throw new FormatProblem(`${where} must be a non-empty string`);
}

function hash(value: unknown, where: string): void {
  if (!isHexOfLength(value, 32)) throw new FormatProblem(`${where} must be 64 lowercase hex digits`);
}

function path(value: unknown, where: string): void {
  if (!Array.isArray(value) || value.length > MAX_PATH) throw new FormatProblem(`${where} must be an array of at most ${MAX_PATH} hashes`);
  value.forEach((h, i) => hash(h, `${where}[${i}]`));
}

function checkEvent(value: unknown): void {
  const event = object(value, 'event', null);
  text(event.eventId, 'event.eventId');
  text(event.eventTime, 'event.eventTime');
  const epcs = object(event.epcs, 'event.epcs', ['count', 'root']);
  integer(epcs.count, 'event.epcs.count', 0);
  hash(epcs.root, 'event.epcs.root');
}

function checkInclusion(value: unknown, where: string, indexKey: string): void {
  const proof = object(value, where, [indexKey, 'treeSize', 'path']);
  integer(proof[indexKey], `${where}.${indexKey}`, 0);
  integer(proof.treeSize, `${where}.treeSize`, 1);
  path(proof.path, `${where}.path`);
}

function checkEpc(value: unknown): void {
  if (value === null) return;
  const epc = object(value, 'epc', ['key', 'index', 'path']);
  text(epc.key, 'epc.key');
  integer(epc.index, 'epc.index', 0);
  path(epc.path, 'epc.path');
}

function checkAnchor(value: unknown): void {
  const anchor = object(value, 'anchor', ['seq', 'periodStart', 'periodEnd', 'firstEventId', 'lastEventId', 'treeSize', 'root', 'prevHash', 'hash']);
  const problem = anchorRecordProblem(anchor as TAnchor);
  if (problem) throw new FormatProblem(`anchor: ${problem}`);
  hash(anchor.hash, 'anchor.hash');
}

function checkLogKey(value: unknown): void {
  const logKey = object(value, 'logKey', ['name', 'publicKey', 'verifierKey']);
  text(logKey.name, 'logKey.name');
  hash(logKey.publicKey, 'logKey.publicKey');
  text(logKey.verifierKey, 'logKey.verifierKey');
}

function checkBundle(value: unknown): void {
  const bundle = object(value, 'bundle', ['version', 'event', 'epc', 'period', 'anchor', 'anchorLog', 'checkpoint', 'logKey']);
  if (bundle.version !== 1) throw new FormatProblem(`version ${JSON.stringify(bundle.version)} is not supported (this verifier reads version 1)`);
  checkEvent(bundle.event);
  checkEpc(bundle.epc);
  checkInclusion(bundle.period, 'period', 'leafIndex');
  checkAnchor(bundle.anchor);
  checkInclusion(bundle.anchorLog, 'anchorLog', 'index');
  if (typeof bundle.checkpoint !== 'string' || bundle.checkpoint.length > MAX_CHECKPOINT_LENGTH) throw new FormatProblem('checkpoint must be the text of a signed note');
  checkLogKey(bundle.logKey);
}

/** The bundle, typed, or the first thing wrong with its shape. */
export function readBundleFormat(value: unknown): { bundle: TProofBundle } | { problem: string } {
  try {
    checkBundle(value);
    return { bundle: value as TProofBundle };
  } catch (error) {
    if (error instanceof FormatProblem) return { problem: error.message };
    throw error;
  }
}
