import { verify as nodeVerify, createPublicKey } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVerifierKey, fromBase64, toHex, verifySignedNote, parseVerifierKey } from '@/lib/verify';
import { ed25519KeyFromSeed } from './ed25519-key';
import { signNote } from './sign-note';

// The example of golang.org/x/mod/sumdb/note: its private key
// ("PRIVATE+KEY+<name>+<key id>+base64(0x01 || seed)"), its text and the note
// it signed. Ed25519 is deterministic, so our signer must reproduce the note
// byte for byte.
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const spkiOf = (publicKey: Uint8Array) =>
  createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]), format: 'der', type: 'spki' });

describe('ed25519KeyFromSeed (node:crypto)', () => {
  it('reproduces the Go reference note byte for byte', () => {
    const seed = fromBase64(PETER_SKEY.split('+').slice(4).join('+'))!.slice(1);
    const key = ed25519KeyFromSeed(seed);
    expect(formatVerifierKey('PeterNeumann', key.publicKey)).toBe(PETER_VKEY);
    expect(signNote({ ...key, name: 'PeterNeumann' }, PETER_TEXT)).toBe(PETER_NOTE);
    expect(verifySignedNote(PETER_NOTE, parseVerifierKey(PETER_VKEY))).toBe(PETER_TEXT);
  });

  it('signs what @noble/curves verifies, and verifies what noble signs (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 500 }), (seed, message) => {
        const key = ed25519KeyFromSeed(seed);
        expect(toHex(key.publicKey)).toBe(toHex(ed25519.getPublicKey(seed)));
        const nodeSignature = key.sign(message);
        expect(ed25519.verify(nodeSignature, message, key.publicKey, { zip215: false })).toBe(true);
        expect(toHex(nodeSignature)).toBe(toHex(ed25519.sign(message, seed)));
        const nobleSignature = ed25519.sign(message, seed);
        expect(nodeVerify(null, message, spkiOf(key.publicKey), nobleSignature)).toBe(true);
        const tampered = Uint8Array.from(message.length ? message : [0], (b, i) => (i === 0 ? b ^ 1 : b));
        expect(ed25519.verify(nodeSignature, tampered, key.publicKey, { zip215: false })).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses seeds that are not 32 bytes and keeps the seed out of the key object', () => {
    expect(() => ed25519KeyFromSeed(new Uint8Array(31))).toThrow(RangeError);
    const seed = new Uint8Array(32).fill(0x5a);
    const key = ed25519KeyFromSeed(seed);
    expect(JSON.stringify(key)).not.toContain(toHex(seed));
    expect(JSON.stringify(key)).not.toContain(Buffer.from(seed).toString('base64'));
  });
});
