import { HASH_SIZE } from './hash';
import { VerificationError } from './verification-error';

/** Throws invalid-argument unless `value` is a safe integer >= `min`. */
export function requireSize(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new VerificationError('invalid-argument', `${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** Throws invalid-argument unless `value` is a 32-byte hash. */
export function requireHash(name: string, value: Uint8Array): void {
  if (!(value instanceof Uint8Array) || value.length !== HASH_SIZE) {
    throw new VerificationError('invalid-argument', `${name} must be a ${HASH_SIZE}-byte hash`);
  }
}

export const isOdd = (n: number): boolean => n % 2 === 1;

/** Right shift by one that stays exact up to 2^53 - 1 (bit operators are 32-bit). */
export const half = (n: number): number => Math.floor(n / 2);

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let m = n;
  while (m % 2 === 0) m /= 2;
  return m === 1;
}

/**
 * Right-shifts fn and sn together until fn is odd or zero: the inner loop
 * of RFC 9162 §2.1.3.2 step 4.b.ii and §2.1.4.2 step 6.b.iii.
 */
export function shiftWhileEven(fn: number, sn: number): [number, number] {
  while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
  return [fn, sn];
}
