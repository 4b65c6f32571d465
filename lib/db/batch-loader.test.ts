import { describe, expect, it } from 'vitest';
import { BatchLoader } from './batch-loader';

/** A load function the test completes by hand, recording the batches it was given. */
function manualLoad() {
  const batches: { keys: number[]; finish: (error?: Error) => void }[] = [];
  const load = (keys: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ keys, finish: (error) => (error ? reject(error) : resolve(keys.map((k) => `value ${k}`))) });
    });
  return { batches, load };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchLoader', () => {
  it('starts a read at once while a slot is free, so an idle server adds no wait', async () => {
    const { batches, load } = manualLoad();
    const loader = new BatchLoader(load, { maxBatch: 8, maxInFlight: 2 });
    const first = loader.get(1);
    expect(batches.map((b) => b.keys)).toEqual([[1]]);
    batches[0]!.finish();
    await expect(first).resolves.toBe('value 1');
  });

  it('queues reads while every slot is busy and gives them to the next free slot together, up to maxBatch', async () => {
    const { batches, load } = manualLoad();
    const loader = new BatchLoader(load, { maxBatch: 3, maxInFlight: 2 });
    const answers = [1, 2, 3, 4, 5, 6, 7].map((k) => loader.get(k));
    expect(batches.map((b) => b.keys)).toEqual([[1], [2]]);
    batches[0]!.finish();
    await settle();
    expect(batches.map((b) => b.keys)).toEqual([[1], [2], [3, 4, 5]]);
    batches[1]!.finish();
    await settle();
    expect(batches.map((b) => b.keys)).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    batches[2]!.finish();
    batches[3]!.finish();
    await expect(Promise.all(answers)).resolves.toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => `value ${k}`));
  });

  it('fails only the reads of a batch whose load failed, and keeps serving', async () => {
    const { batches, load } = manualLoad();
    const loader = new BatchLoader(load, { maxBatch: 5, maxInFlight: 1 });
    const first = loader.get(1);
    const queued = [2, 3].map((k) => loader.get(k));
    batches[0]!.finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    batches[1]!.finish();
    await expect(Promise.all(queued)).resolves.toEqual(['value 2', 'value 3']);
    const later = loader.get(4);
    batches[2]!.finish();
    await expect(later).resolves.toBe('value 4');
  });

  it('refuses a load that answers a different number of values than keys', async () => {
    const loader = new BatchLoader(async (keys: number[]) => keys.slice(1), { maxBatch: 4, maxInFlight: 1 });
    await expect(loader.get(1)).rejects.toThrow('1 keys were loaded as 0 values');
  });
});
