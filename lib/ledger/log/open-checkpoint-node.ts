import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { parseCheckpointBody, parseSignedNote, VerificationError, type TCheckpoint, type TNoteVerifierKey } from '@/lib/verify';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32-byte key follows. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const keyObjects = new Map<string, KeyObject>();

const keyIdHexOf = (keyId: number): string => keyId.toString(16).padStart(8, '0');

function keyObject(publicKey: Uint8Array): KeyObject {
  const hex = Buffer.from(publicKey).toString('hex');
  let key = keyObjects.get(hex);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
    keyObjects.set(hex, key);
  }
  return key;
}

/**
 * The same rules as lib/verify's openCheckpoint (parsing is shared; the
 * signed-note rules are C2SP's: signatures by other keys are ignored, at
 * least one by this key must exist and all of them must verify, and the
 * origin must be the key name), with the Ed25519 check done by node:crypto
 * (OpenSSL, strict RFC 8032 like the verifier's zip215: false) at about a
 * twentieth of the cost. The audit checks every checkpoint ever signed, one
 * per sealed period, so this is its hot path. Tests compare both.
 */
export function openCheckpointWithNodeCrypto(note: string, key: TNoteVerifierKey): TCheckpoint {
  const { text, signatures } = parseSignedNote(note);
  const mine = signatures.filter((s) => s.name === key.name && s.keyId === key.keyId);
  if (mine.length === 0) {
    throw new VerificationError('bad-signature', `the note has no signature by ${key.name} (key ID ${keyIdHexOf(key.keyId)})`, {
      expected: `${key.name} ${keyIdHexOf(key.keyId)}`,
      computed: signatures.map((s) => `${s.name} ${keyIdHexOf(s.keyId)}`).join(', '),
    });
  }
  const message = Buffer.from(text, 'utf8');
  for (const { signature } of mine) {
    if (signature.length !== 64 || !verify(null, message, keyObject(key.publicKey), signature)) {
      throw new VerificationError('bad-signature', `the signature by ${key.name} does not verify`);
    }
  }
  const checkpoint = parseCheckpointBody(text);
  if (checkpoint.origin !== key.name) {
    throw new VerificationError('malformed', 'the checkpoint origin is not the log key name', { expected: key.name, computed: checkpoint.origin });
  }
  return checkpoint;
}
