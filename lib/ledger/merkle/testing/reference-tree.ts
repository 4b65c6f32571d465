import { createHash } from 'node:crypto';

/**
 * A deliberately naive RFC 6962 tree for tests, written straight from the
 * RFC's recursive definitions (§2.1 MTH, §2.1.1 PATH, §2.1.2 PROOF) over
 * slices of the leaf-hash list. It shares no code with the implementations it
 * checks, and it is slow (O(n log n) copies): only for tests.
 */

const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/** The largest power of two strictly below n (n >= 2). */
export const splitPoint = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

/** H(0x00 || data). */
export const referenceLeafHash = (data: Uint8Array): Uint8Array => sha256(Uint8Array.of(0), data);

/** MTH over leaf hashes (already H(0x00 || data)). */
export function referenceRoot(leafHashes: Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return sha256();
  if (leafHashes.length === 1) return leafHashes[0]!;
  const k = splitPoint(leafHashes.length);
  return sha256(Uint8Array.of(1), referenceRoot(leafHashes.slice(0, k)), referenceRoot(leafHashes.slice(k)));
}

export function referencePath(m: number, leafHashes: Uint8Array[]): Uint8Array[] {
  const n = leafHashes.length;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...referencePath(m, leafHashes.slice(0, k)), referenceRoot(leafHashes.slice(k))];
  return [...referencePath(m - k, leafHashes.slice(k)), referenceRoot(leafHashes.slice(0, k))];
}

function subproof(m: number, d: Uint8Array[], whole: boolean): Uint8Array[] {
  if (m === d.length) return whole ? [] : [referenceRoot(d)];
  const k = splitPoint(d.length);
  if (m <= k) return [...subproof(m, d.slice(0, k), whole), referenceRoot(d.slice(k))];
  return [...subproof(m - k, d.slice(k), false), referenceRoot(d.slice(0, k))];
}

/** PROOF(m, D[n]) for 0 < m < n; empty for m = 0 or m = n. */
export function referenceConsistency(m: number, leafHashes: Uint8Array[]): Uint8Array[] {
  return m === 0 || m === leafHashes.length ? [] : subproof(m, leafHashes, true);
}

/** True when D[start:end] is a node of the RFC 6962 tree over n leaves. */
export function isNodeOfTree(start: number, end: number, n: number, offset = 0): boolean {
  if (start === offset && end === offset + n) return true;
  if (n <= 1) return false;
  const k = splitPoint(n);
  return isNodeOfTree(start, end, k, offset) || isNodeOfTree(start, end, n - k, offset + k);
}

/** n distinct pseudo-random leaf hashes, reproducible from the seed. */
export function sampleLeafHashes(n: number, seed = 1): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => sha256(Uint8Array.of(0), new TextEncoder().encode(`leaf ${seed} ${i}`)));
}
