import { fromBase64, toBase64 } from './base64';
import { bytesEqual, concatBytes, utf8 } from './bytes';
import { sha256 } from './hash';
import { VerificationError } from './verification-error';

/**
 * Keys of C2SP signed notes (c2sp.org/signed-note): a key is identified by
 * its name and a 32-bit key ID; its text form, the "verifier key", is
 * `<name>+<8 hex digits of key ID>+<base64(0x01 || 32-byte Ed25519 key)>`.
 */

/** Signature type byte of Ed25519 note signatures. */
export const ED25519_SIGNATURE_TYPE = 0x01;

export type TNoteVerifierKey = { name: string; keyId: number; publicKey: Uint8Array };

// Unicode White_Space (what Go's unicode.IsSpace accepts) and ASCII controls.
const SPACE_OR_CONTROL = /[\u0000-\u0020\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Key names are non-empty, with no Unicode space, no control character and no '+'. */
export function isValidKeyName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (SPACE_OR_CONTROL.test(name) || name.includes('+')) return false;
  try {
    utf8(name);
    return true;
  } catch {
    return false;
  }
}

/** SHA-256(name || 0x0A || 0x01 || publicKey)[:4] as a big-endian uint32. */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE), publicKey));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

export const keyIdHex = (keyId: number): string => keyId.toString(16).padStart(8, '0');

/**
 * The verifier key text of an Ed25519 key.
 * requires: isValidKeyName(name); publicKey is 32 bytes.
 */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new VerificationError('invalid-argument', `not a valid key name: ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new VerificationError('invalid-argument', 'an Ed25519 public key is 32 bytes');
  const keyData = concatBytes(Uint8Array.of(ED25519_SIGNATURE_TYPE), publicKey);
  return `${name}+${keyIdHex(noteKeyId(name, publicKey))}+${toBase64(keyData)}`;
}

const malformed = (why: string): VerificationError => new VerificationError('malformed', `malformed verifier key: ${why}`);

/**
 * Parses an Ed25519 verifier key and checks that its key ID is the one its
 * name and public key give, so a key ID cannot be chosen to impersonate.
 */
export function parseVerifierKey(text: string): TNoteVerifierKey {
  // Split at the first two '+' only: names cannot contain '+', base64 can.
  const match = typeof text === 'string' ? /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text) : null;
  if (!match) throw malformed('expected <name>+<key id>+<key>');
  const [, name, idHex, keyBase64] = match as unknown as [string, string, string, string];
  if (!isValidKeyName(name)) throw malformed('invalid key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw malformed('the key ID must be 8 lowercase hex digits');
  const keyData = fromBase64(keyBase64);
  if (!keyData || keyData.length !== 33 || keyData[0] !== ED25519_SIGNATURE_TYPE) throw malformed('the key must be base64 of 0x01 and a 32-byte Ed25519 public key');
  const publicKey = keyData.slice(1);
  const keyId = noteKeyId(name, publicKey);
  if (keyIdHex(keyId) !== idHex) throw malformed(`the key ID is ${idHex} but the name and key give ${keyIdHex(keyId)}`);
  return { name, keyId, publicKey };
}

export function sameVerifierKey(a: TNoteVerifierKey, b: TNoteVerifierKey): boolean {
  return a.name === b.name && a.keyId === b.keyId && bytesEqual(a.publicKey, b.publicKey);
}
