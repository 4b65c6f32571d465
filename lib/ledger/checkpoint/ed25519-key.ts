import { createPrivateKey, createPublicKey, sign } from 'node:crypto';

/**
 * An Ed25519 key held by node:crypto (OpenSSL, about 20x faster at signing
 * than a pure-JavaScript implementation). Only the KeyObject keeps the
 * private part: the returned object exposes the public key and a `sign`
 * function, so logging or serialising it cannot leak the seed.
 */
export type TEd25519Key = {
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
};

/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410 §7). */
const PKCS8_ED25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

/** requires: seed is 32 bytes (RFC 8032 private key). */
export function ed25519KeyFromSeed(seed: Uint8Array): TEd25519Key {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new RangeError('An Ed25519 private key (seed) is 32 bytes');
  const der = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  der.set(PKCS8_ED25519_PREFIX);
  der.set(seed, PKCS8_ED25519_PREFIX.length);
  const privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  der.fill(0);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  return {
    publicKey,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}
