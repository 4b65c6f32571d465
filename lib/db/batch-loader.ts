/**
 * Coalesces concurrent reads of the same kind into one statement when the
 * database is busy (docs/decisions/094). A read starts at once while fewer
 * than `maxInFlight` statements of this loader are running, so an idle
 * server adds no wait; past that, reads queue and the next free slot takes
 * up to `maxBatch` of them in one statement. Under load the database then
 * plans, executes and answers once per batch instead of once per request,
 * which is what it spends most of its time on for small indexed reads.
 *
 * `load` must answer one value per key, in the keys' order. If it throws,
 * every read of that batch fails with the same error; other batches are
 * unaffected.
 */
export type TBatchLimits = { maxBatch: number; maxInFlight: number };

type TWaiting<K, V> = { key: K; resolve: (value: V) => void; reject: (error: unknown) => void };

export class BatchLoader<K, V> {
  private readonly queue: TWaiting<K, V>[] = [];
  private inFlight = 0;

  constructor(
    private readonly load: (keys: K[]) => Promise<V[]>,
    private readonly limits: TBatchLimits,
  ) {
    if (!(limits.maxBatch >= 1 && limits.maxInFlight >= 1)) throw new Error('BatchLoader: maxBatch and maxInFlight must be at least 1.');
  }

  get(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.limits.maxBatch);
      this.inFlight++;
      void this.run(batch);
    }
  }

  private async run(batch: TWaiting<K, V>[]): Promise<void> {
    try {
      const values = await this.load(batch.map((waiting) => waiting.key));
      if (values.length !== batch.length) throw new Error(`BatchLoader: ${batch.length} keys were loaded as ${values.length} values.`);
      batch.forEach((waiting, i) => waiting.resolve(values[i]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.inFlight--;
      this.pump();
    }
  }
}
