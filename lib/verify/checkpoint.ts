import { fromBase64, toBase64 } from './base64';
import { HASH_SIZE } from './hash';
import { parseVerifierKey, type TNoteVerifierKey } from './note-key';
import { parseSignedNote, verifySignedNote } from './signed-note';
import { VerificationError } from './verification-error';

/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the text of a signed note
 * that states a log's tree head in three lines, `<origin>\n<tree size>\n
 * <base64 root>\n`, optionally followed by non-empty extension lines.
 */
export type TCheckpoint = { origin: string; treeSize: number; rootHash: Uint8Array; extensions: string[] };

const SIZE = /^(?:0|[1-9][0-9]*)$/;

const malformed = (why: string): VerificationError => new VerificationError('malformed', `malformed checkpoint: ${why}`);

/**
 * The note text of a checkpoint, as our log signs it (no extension lines).
 * requires: origin non-empty without newline; treeSize a safe integer >= 0;
 * rootHash 32 bytes.
 */
export function formatCheckpointBody(checkpoint: { origin: string; treeSize: number; rootHash: Uint8Array }): string {
  const { origin, treeSize, rootHash } = checkpoint;
  if (!origin || /[\u0000-\u001f]/.test(origin)) throw new VerificationError('invalid-argument', 'the origin must be non-empty and have no control characters');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new VerificationError('invalid-argument', 'the tree size must be an integer >= 0');
  if (rootHash.length !== HASH_SIZE) throw new VerificationError('invalid-argument', 'the root hash must be 32 bytes');
  return `${origin}\n${treeSize}\n${toBase64(rootHash)}\n`;
}

/** Parses checkpoint note text (already separated from its signatures). */
export function parseCheckpointBody(text: string): TCheckpoint {
  if (!text.endsWith('\n')) throw malformed('the text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, size, root, ...extensions] = lines;
  if (root === undefined) throw malformed('expected at least three lines: origin, tree size, root hash');
  if (origin === '') throw malformed('the origin line is empty');
  if (!SIZE.test(size!) || !Number.isSafeInteger(Number(size))) throw malformed(`the tree size ${JSON.stringify(size)} is not a canonical decimal number`);
  const rootHash = fromBase64(root);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw malformed('the root hash is not canonical base64 of 32 bytes');
  if (extensions.some((line) => line === '')) throw malformed('extension lines must not be empty');
  return { origin: origin!, treeSize: Number(size), rootHash, extensions };
}

/** Parses a signed checkpoint without checking any signature (to show what it claims). */
export function parseUnverifiedCheckpoint(note: string): TCheckpoint {
  return parseCheckpointBody(parseSignedNote(note).text);
}

/**
 * Verifies the note's signature by `key` and returns the checkpoint. The
 * origin must equal the key name: our log signs under its origin, and this
 * stops a checkpoint of another log signed by the same key being passed off
 * as one of ours.
 */
export function openCheckpoint(note: string, key: TNoteVerifierKey | string): TCheckpoint {
  const verifierKey = typeof key === 'string' ? parseVerifierKey(key) : key;
  const checkpoint = parseCheckpointBody(verifySignedNote(note, verifierKey));
  if (checkpoint.origin !== verifierKey.name) {
    throw new VerificationError('malformed', 'the checkpoint origin is not the log key name', { expected: verifierKey.name, computed: checkpoint.origin });
  }
  return checkpoint;
}
