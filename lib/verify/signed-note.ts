import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64 } from './base64';
import { isWellFormedUnicode, utf8 } from './bytes';
import { isValidKeyName, keyIdHex, type TNoteVerifierKey } from './note-key';
import { VerificationError } from './verification-error';

/**
 * C2SP signed notes (c2sp.org/signed-note): a text ending in a newline, a
 * blank line, then one or more lines `— <key name> <base64(key ID || sig)>`.
 * The text is everything up to and including the newline before the last
 * blank line; signatures cover exactly those bytes.
 */

export type TNoteSignature = { name: string; keyId: number; signature: Uint8Array };
export type TSignedNote = { text: string; signatures: TNoteSignature[] };

/** Far above our own notes (~200 bytes) and 16 post-quantum signatures. */
const MAX_NOTE_LENGTH = 1 << 20;
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 ';
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

const malformed = (why: string): VerificationError => new VerificationError('malformed', `malformed signed note: ${why}`);

function parseSignatureLine(line: string): TNoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('a signature line must start with an em dash and a space');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  const bytes = space < 0 ? undefined : fromBase64(rest.slice(space + 1));
  if (space < 0 || !isValidKeyName(name)) throw malformed('a signature line must be "— <key name> <base64>"');
  if (!bytes || bytes.length < 5) throw malformed(`the signature of ${name} is not canonical base64 of a key ID and a signature`);
  const keyId = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  return { name, keyId, signature: bytes.slice(4) };
}

/** Splits a note into its text and signatures; throws VerificationError('malformed'). */
export function parseSignedNote(note: string): TSignedNote {
  if (typeof note !== 'string') throw malformed('not a string');
  if (note.length > MAX_NOTE_LENGTH) throw malformed(`longer than ${MAX_NOTE_LENGTH} characters`);
  if (!isWellFormedUnicode(note)) throw malformed('not valid UTF-8 (lone surrogate)');
  if (FORBIDDEN_CONTROL.test(note)) throw malformed('contains a control character other than newline');
  if (!note.endsWith('\n')) throw malformed('must end with a newline');
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) throw malformed('no blank line between the text and the signatures');
  const lines = note.slice(blank + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  return { text: note.slice(0, blank + 1), signatures: lines.map(parseSignatureLine) };
}

/**
 * Verifies `note` with an Ed25519 key and returns its text. As the spec
 * requires, signatures by other keys (another name or key ID) are ignored,
 * and the note is rejected when no signature by this key verifies or when
 * any signature claiming to be by this key fails. Verification is strict
 * RFC 8032 (zip215: false), as Go's crypto/ed25519 and OpenSSL do, so every
 * implementation accepts the same signatures.
 */
export function verifySignedNote(note: string, key: TNoteVerifierKey): string {
  const { text, signatures } = parseSignedNote(note);
  const mine = signatures.filter((s) => s.name === key.name && s.keyId === key.keyId);
  if (mine.length === 0) {
    throw new VerificationError('bad-signature', `the note has no signature by ${key.name} (key ID ${keyIdHex(key.keyId)})`, {
      expected: `${key.name} ${keyIdHex(key.keyId)}`,
      computed: signatures.map((s) => `${s.name} ${keyIdHex(s.keyId)}`).join(', '),
    });
  }
  const message = utf8(text);
  for (const { signature } of mine) {
    if (!verifyEd25519(signature, message, key.publicKey)) throw new VerificationError('bad-signature', `the signature by ${key.name} does not verify`);
  }
  return text;
}

function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
