import { describe, expect, it } from 'vitest';
import type { TStoredAnchor } from '../anchor-rows';
import { startSealer, type TSealerDeps } from './run-sealer';
import type { TSealOptions, TSealResult } from './seal-period';
import type { TSealState } from './seal-policy';

/**
 * A ledger simulated in memory with a fake clock: events arrive at given
 * times, the sealer's sleep advances the clock, and seals are recorded, so
 * the timer logic runs through hours of simulated time in milliseconds.
 */
function simulation(options: { intervalMs: number; maxEvents: number; arrivals: number[]; until: number }) {
  let now = 0;
  let sealedUpTo = 0;
  let lastSealedAt: number | null = null;
  const seals: { at: number; events: number }[] = [];
  const lines: string[] = [];
  const arrived = () => options.arrivals.filter((t) => t <= now).length;
  const readState = async (): Promise<TSealState> => ({
    now: new Date(now),
    lastSealedAt: lastSealedAt === null ? null : new Date(lastSealedAt),
    waiting: Math.min(arrived() - sealedUpTo, options.maxEvents),
    oldestWaitingAt: arrived() > sealedUpTo ? new Date(options.arrivals[sealedUpTo]!) : null,
  });
  const seal = async (sealOptions: TSealOptions): Promise<TSealResult> => {
    const events = Math.min(arrived() - sealedUpTo, sealOptions.policy!.maxEvents);
    if (events === 0) return { status: 'idle' };
    sealedUpTo += events;
    lastSealedAt = now;
    seals.push({ at: now, events });
    const at = new Date(now);
    const hash = new Uint8Array(32);
    const anchor: TStoredAnchor = { seq: seals.length - 1, periodStart: at, periodEnd: at, firstEventId: 1n, lastEventId: BigInt(events), treeSize: events, root: hash, prevHash: hash, hash, sealedAt: at };
    return { status: 'sealed', anchor, checkpoint: '', logSize: seals.length };
  };
  let controllerStop: (() => Promise<void>) | undefined;
  const sleep = async (ms: number) => {
    now += ms;
    if (now >= options.until) void controllerStop?.();
  };
  const deps: Partial<TSealerDeps> = { policy: { intervalMs: options.intervalMs, maxEvents: options.maxEvents }, readState, seal, sleep, log: (line) => lines.push(line), tickMs: 1_000 };
  return {
    seals,
    lines,
    run: async () => {
      const sealer = startSealer(deps);
      controllerStop = sealer.stop;
      await sealer.done;
    },
  };
}

describe('the background sealer (simulated clock)', () => {
  it('closes a period every interval while events trickle in, and none while nothing waits', async () => {
    const arrivals = [500, 20_000, 65_000, 70_000, 400_000];
    const sim = simulation({ intervalMs: 60_000, maxEvents: 50_000, arrivals, until: 600_000 });
    await sim.run();
    // Looking once a second: the first period at the first look 60 s after the first event, the next
    // 60 s after that seal, and the lone late event at once (its period was long overdue).
    expect(sim.seals).toEqual([
      { at: 61_000, events: 2 },
      { at: 121_000, events: 2 },
      { at: 400_000, events: 1 },
    ]);
    expect(sim.lines).toEqual([expect.stringMatching(/^Sealed period #0: 2 events/), expect.stringMatching(/^Sealed period #1: 2 events/), expect.stringMatching(/^Sealed period #2: 1 event /)]);
  });

  it('seals as soon as maxEvents wait, and a backlog as several full periods without waiting', async () => {
    const arrivals = Array.from({ length: 2_500 }, (_, i) => 1_000 + Math.floor(i / 100));
    const sim = simulation({ intervalMs: 60_000, maxEvents: 1_000, arrivals, until: 200_000 });
    await sim.run();
    expect(sim.seals.map((s) => s.events)).toEqual([1_000, 1_000, 500]);
    expect(sim.seals[0]!.at).toBeLessThan(60_000);
    expect(sim.seals[1]!.at).toBe(sim.seals[0]!.at);
    expect(sim.seals[2]!.at).toBeGreaterThanOrEqual(sim.seals[0]!.at + 60_000);
    expect(sim.lines.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('keeps running after a failure, retrying with growing pauses', async () => {
    let now = 0;
    const attempts: number[] = [];
    const lines: string[] = [];
    const sealer = startSealer({
      policy: { intervalMs: 1_000, maxEvents: 10 },
      readState: async () => {
        attempts.push(now);
        if (attempts.length <= 3) throw new Error('connection refused');
        return { now: new Date(now), lastSealedAt: null, waiting: 0, oldestWaitingAt: null };
      },
      seal: async () => ({ status: 'idle' }),
      sleep: async (ms) => {
        now += ms;
        if (attempts.length >= 6) void sealer.stop();
      },
      log: (line) => lines.push(line),
      tickMs: 1_000,
    });
    await sealer.done;
    expect(attempts.slice(0, 5)).toEqual([0, 2_000, 6_000, 14_000, 15_000]);
    expect(lines[0]).toMatch(/sealing failed \(attempt 1\): connection refused/);
  });
});
