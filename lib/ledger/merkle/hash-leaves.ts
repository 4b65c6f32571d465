import { canonicalJsonBytes } from '@/lib/verify';
import { fastLeafHash } from './fast-hash';
import { HASH_SIZE } from './packed-hashes';

/**
 * Leaf hashes H(0x00 || data) of many leaves, packed end to end, with
 * node:crypto (the sealer's hot path). Equal to lib/verify's leafHash.
 */
export function hashLeaves(leafData: readonly Uint8Array[]): Uint8Array {
  const packed = new Uint8Array(leafData.length * HASH_SIZE);
  leafData.forEach((data, i) => packed.set(fastLeafHash(data), i * HASH_SIZE));
  return packed;
}

/**
 * The leaf hash of an event's public record: H(0x00 || UTF-8(JCS(record))),
 * exactly what the public verifier recomputes from a proof bundle.
 */
export function eventLeafHash(publicRecord: unknown): Uint8Array {
  return fastLeafHash(canonicalJsonBytes(publicRecord));
}
