import { concatBytes, isValidKeyName, noteKeyId, toBase64, utf8 } from '@/lib/verify';
import type { TEd25519Key } from './ed25519-key';

/**
 * Signs `text` as a C2SP signed note with one Ed25519 signature line:
 * `<text>\n— <name> <base64(key ID || signature)>\n`.
 * requires: text is non-empty, ends with a newline, has no blank line and no
 * control character other than newline (so the note parses back to exactly
 * this text); name is a valid key name.
 */
export function signNote(key: TEd25519Key & { name: string }, text: string): string {
  if (!isValidKeyName(key.name)) throw new RangeError(`signNote: invalid key name ${JSON.stringify(key.name)}`);
  if (!text.endsWith('\n') || text.includes('\n\n') || text.startsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new RangeError('signNote: the text must end with a newline and have no blank lines or control characters');
  }
  const keyId = noteKeyId(key.name, key.publicKey);
  const keyIdBytes = Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 0xff, (keyId >>> 8) & 0xff, keyId & 0xff);
  const signature = key.sign(utf8(text));
  return `${text}\n\u2014 ${key.name} ${toBase64(concatBytes(keyIdBytes, signature))}\n`;
}
