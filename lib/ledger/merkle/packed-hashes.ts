/**
 * Lists of 32-byte hashes are kept packed end to end in one Uint8Array: a
 * million leaf hashes are then one 32 MB buffer instead of a million small
 * objects, and a chunk of them is stored in Postgres as one bytea
 * (ledger_chunks.leaf_hashes).
 */
export const HASH_SIZE = 32;

/** Packs a list of 32-byte hashes; a packed buffer is checked and returned as is. */
export function packHashes(hashes: readonly Uint8Array[] | Uint8Array): Uint8Array {
  if (hashes instanceof Uint8Array) {
    if (hashes.length % HASH_SIZE !== 0) throw new RangeError(`packed hashes must be a multiple of ${HASH_SIZE} bytes, got ${hashes.length}`);
    return hashes;
  }
  const packed = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) throw new RangeError(`hash ${i} is not ${HASH_SIZE} bytes`);
    packed.set(h, i * HASH_SIZE);
  });
  return packed;
}

/** The hashes of a packed buffer, as views (no copy). */
export function unpackHashes(packed: Uint8Array): Uint8Array[] {
  const count = packHashes(packed).length / HASH_SIZE;
  return Array.from({ length: count }, (_, i) => packed.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
}

export function hashAt(packed: Uint8Array, index: number): Uint8Array {
  return packed.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
}
