import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to people and machines (session tokens, invite tokens, API
 * keys) are 32 random bytes, base64url: 256 bits, far beyond guessing. The
 * database keeps only their SHA-256, so a leaked table cannot be replayed.
 * A fast hash is right here, unlike for passwords: brute force is hopeless
 * against 256 random bits, so a slow KDF would only slow every request.
 */
export const TOKEN_BYTES = 32;

export function randomToken(bytes = TOKEN_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** Lowercase hex SHA-256 of the UTF-8 of `value`. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A base64url token of exactly TOKEN_BYTES bytes; anything else is refused before any lookup. */
export function isWellFormedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
