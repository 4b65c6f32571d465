import { hash } from 'node:crypto';
import { buildPeriodTree } from './build-period-tree';
import { hashLeaves } from './hash-leaves';
import { merkletreejsRoot } from './merkletreejs-root';
import { HASH_SIZE } from './packed-hashes';

export type TPeriodTreeBenchmark = {
  events: number;
  /** 2 x events one-shot node:crypto hashes of 65 bytes (one tree node each). */
  baselineMs: number;
  /** Leaf hashes of `events` records of ~370 bytes (canonical JSON of an event). */
  leafHashesMs: number;
  /** buildPeriodTree over those leaf hashes (root and chunk roots). */
  buildPeriodTreeMs: number;
  /** merkletreejs over the same leaf hashes, when asked for. */
  merkletreejsMs?: number;
};

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Measures the hashing work of sealing a period of `events` events against
 * the baseline (docs/decisions/033). Records are views into one
 * buffer, so memory stays small; the hashing cost is that of distinct data.
 * Takes a few seconds per million events (merkletreejs about 10 s more).
 */
export function benchmarkPeriodTree(options: { events: number; merkletreejs?: boolean }): TPeriodTreeBenchmark {
  const { events } = options;
  const pool = new Uint8Array(events + 372).map((_, i) => (i * 131) & 0xff);
  const records = Array.from({ length: events }, (_, i) => pool.subarray(i, i + 367 + (i % 5)));
  const node = new Uint8Array(65);
  const baselineMs = time(() => {
    for (let i = 0; i < 2 * events; i++) hash('sha256', node, 'buffer');
  });
  let leaves: Uint8Array = new Uint8Array(events * HASH_SIZE);
  const leafHashesMs = time(() => void (leaves = hashLeaves(records)));
  const buildPeriodTreeMs = time(() => void buildPeriodTree(leaves));
  const merkletreejsMs = options.merkletreejs ? time(() => void merkletreejsRoot(leaves)) : undefined;
  return { events, baselineMs, leafHashesMs, buildPeriodTreeMs, ...(merkletreejsMs === undefined ? {} : { merkletreejsMs }) };
}
