import { buildPeriodTree, CHUNK_SIZE, HASH_SIZE } from '@/lib/ledger/merkle';

/**
 * Cuts the stream of leaf hashes into chunks of 1024 by position, whatever
 * the ranges they arrived in, and hashes each chunk's subtree as soon as it
 * is complete, while Postgres goes on producing the next rows.
 */
export class ChunkHasher {
  private readonly roots: Uint8Array[] = [];
  private readonly pending = new Uint8Array(CHUNK_SIZE * HASH_SIZE);
  private filled = 0;

  add(leafHashes: Uint8Array): void {
    for (let offset = 0; offset < leafHashes.length; ) {
      const take = Math.min(leafHashes.length - offset, this.pending.length - this.filled);
      this.pending.set(leafHashes.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.pending.length) this.flush();
    }
  }

  /** Hashes the last, partial chunk and gives every chunk root, in order. */
  finish(): Uint8Array[] {
    if (this.filled > 0) this.flush();
    return this.roots;
  }

  private flush(): void {
    this.roots.push(buildPeriodTree(this.pending.subarray(0, this.filled)).root);
    this.filled = 0;
  }
}
