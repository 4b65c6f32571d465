import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64';
import { concatBytes, utf8 } from './bytes';
import { formatVerifierKey, noteKeyId, parseVerifierKey, type TNoteVerifierKey } from './note-key';
import { parseSignedNote, verifySignedNote } from './signed-note';
import { VerificationError } from './verification-error';

/**
 * The example of golang.org/x/mod/sumdb/note (the reference implementation
 * of C2SP signed-note): its verifier key and a note it signed. Accepting it
 * shows our parser and key IDs agree with the Go ecosystem byte for byte.
 */
const PETER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

/** Signature line by a key made from `seed` (noble, so this file needs no server code). */
function signatureLine(name: string, seed: Uint8Array, text: string, keyId = noteKeyId(name, ed25519.getPublicKey(seed))): string {
  const id = Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255);
  return `— ${name} ${toBase64(concatBytes(id, ed25519.sign(utf8(text), seed)))}\n`;
}

const SEED = new Uint8Array(32).fill(7);
const OTHER_SEED = new Uint8Array(32).fill(8);
const KEY: TNoteVerifierKey = parseVerifierKey(formatVerifierKey('log.example/a', ed25519.getPublicKey(SEED)));
const TEXT = 'log.example/a\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const NOTE = `${TEXT}\n${signatureLine('log.example/a', SEED, TEXT)}`;

function kindOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof VerificationError) return error.kind;
    throw error;
  }
}

describe('verifier keys', () => {
  it('reads the Go reference key and recomputes its key ID', () => {
    const key = parseVerifierKey(PETER_KEY);
    expect(key.name).toBe('PeterNeumann');
    expect(key.keyId).toBe(0xc74f20a3);
    expect(formatVerifierKey(key.name, key.publicKey)).toBe(PETER_KEY);
  });

  it('reads a key whose base64 contains a plus sign (transparency-dev/formats test key)', () => {
    const key = parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6');
    expect([key.name, key.keyId]).toEqual(['TEST', 0x7997405c]);
    expect(formatVerifierKey(key.name, key.publicKey)).toBe('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6');
  });

  it('rejects every truncation and every single-character change of a key', () => {
    for (let i = 0; i < PETER_KEY.length; i++) {
      expect(kindOf(() => parseVerifierKey(PETER_KEY.slice(0, i))), `prefix ${i}`).toBe('malformed');
      const changed = PETER_KEY.slice(0, i) + String.fromCharCode(PETER_KEY.charCodeAt(i) ^ 1) + PETER_KEY.slice(i + 1);
      expect(kindOf(() => parseVerifierKey(changed)), changed).toBe('malformed');
    }
  });

  it('rejects names with spaces or plus signs and keys of other types', () => {
    const publicKey = ed25519.getPublicKey(SEED);
    expect(() => formatVerifierKey('a b', publicKey)).toThrow(VerificationError);
    expect(() => formatVerifierKey('a+b', publicKey)).toThrow(VerificationError);
    expect(() => formatVerifierKey('a\u00a0b', publicKey)).toThrow(VerificationError);
    const ecdsaLike = PETER_KEY.replace('+ARpc', '+Ahpc');
    expect(kindOf(() => parseVerifierKey(ecdsaLike))).toBe('malformed');
  });
});

describe('signed notes', () => {
  it('verifies the Go reference note', () => {
    expect(verifySignedNote(PETER_NOTE, parseVerifierKey(PETER_KEY))).toBe(PETER_TEXT);
  });

  it('verifies a note signed with noble and returns its text', () => {
    expect(verifySignedNote(NOTE, KEY)).toBe(TEXT);
    expect(parseSignedNote(NOTE).signatures).toHaveLength(1);
  });

  it('fails on any single-character change anywhere in the note', () => {
    for (let i = 0; i < NOTE.length; i++) {
      const changed = NOTE.slice(0, i) + String.fromCharCode(NOTE.charCodeAt(i) ^ 1) + NOTE.slice(i + 1);
      expect(kindOf(() => verifySignedNote(changed, KEY)), `position ${i}`).not.toBe('ok');
    }
  });

  it.each([
    ['no blank line', NOTE.replace(`${TEXT}\n`, TEXT)],
    ['no final newline', NOTE.slice(0, -1)],
    ['trailing garbage', `${NOTE}garbage\n`],
    ['a trailing empty line', `${NOTE}\n`],
    ['an ASCII dash instead of the em dash', NOTE.replace('— ', '- ')],
    ['two spaces after the name', NOTE.replace('log.example/a ', 'log.example/a  ')],
    ['a carriage return', NOTE.replace('\n5\n', '\r\n5\n')],
    ['a tab', NOTE.replace('log.example/a\n5', 'log.example/a\t\n5')],
    ['a lone surrogate', NOTE.replace('log.example/a\n', 'log.example/a\ud800\n')],
    ['padding removed from the signature', NOTE.replace(/=\n$/, '\n')],
    ['a signature of fewer than 5 bytes', `${TEXT}\n— log.example/a AAAAAA==\n`],
    ['no signature at all', `${TEXT}\n`],
  ])('rejects a note with %s as malformed', (_, note) => {
    expect(kindOf(() => verifySignedNote(note, KEY))).toBe('malformed');
  });

  it('ignores signatures by unknown keys, including one sharing the name or the key ID', () => {
    const other = signatureLine('log.example/b', OTHER_SEED, TEXT);
    const sameName = signatureLine('log.example/a', OTHER_SEED, TEXT);
    const sameId = signatureLine('other.example', OTHER_SEED, TEXT, KEY.keyId);
    expect(verifySignedNote(`${TEXT}\n${other}${sameName}${NOTE.slice(TEXT.length + 1)}${sameId}`, KEY)).toBe(TEXT);
  });

  it('rejects a note signed only by other keys', () => {
    expect(kindOf(() => verifySignedNote(`${TEXT}\n${signatureLine('log.example/b', OTHER_SEED, TEXT)}`, KEY))).toBe('bad-signature');
  });

  it('rejects a note where a signature claiming to be by the key fails, even next to a good one', () => {
    const forged = signatureLine('log.example/a', OTHER_SEED, TEXT, KEY.keyId);
    expect(kindOf(() => verifySignedNote(`${NOTE}${forged}`, KEY))).toBe('bad-signature');
  });

  it('accepts 100 signatures and refuses more', () => {
    const unknown = signatureLine('log.example/b', OTHER_SEED, TEXT);
    const mine = NOTE.slice(TEXT.length + 1);
    expect(verifySignedNote(`${TEXT}\n${unknown.repeat(99)}${mine}`, KEY)).toBe(TEXT);
    expect(kindOf(() => verifySignedNote(`${TEXT}\n${unknown.repeat(100)}${mine}`, KEY))).toBe('malformed');
  });

  it('splits at the last blank line, so the text may contain empty lines', () => {
    const text = 'first paragraph\n\nsecond paragraph\n';
    const note = `${text}\n${signatureLine('log.example/a', SEED, text)}`;
    expect(verifySignedNote(note, KEY)).toBe(text);
  });
});
