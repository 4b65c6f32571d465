import { getPool } from '@/lib/db';
import { describeSealed } from './describe-sealed';
import { readSealState } from './read-seal-state';
import { sealPeriod, type TSealOptions, type TSealResult } from './seal-period';
import { isSealDue, sealPolicyFromEnv, type TSealPolicy, type TSealState } from './seal-policy';

/** How often the sealer looks at the ledger: a cheap indexed query, so a period closes within about this much of its due time. */
export const SEALER_TICK_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

/** What the loop needs from the world; the defaults talk to the database, tests pass their own clock and state. */
export type TSealerDeps = {
  policy: TSealPolicy;
  readState: () => Promise<TSealState>;
  seal: (options: TSealOptions) => Promise<TSealResult>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (line: string) => void;
  tickMs: number;
};

export type TSealer = { stop: () => Promise<void>; done: Promise<void> };

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function defaultDeps(): TSealerDeps {
  const policy = sealPolicyFromEnv();
  return {
    policy,
    readState: () => readSealState(getPool(), policy.maxEvents),
    seal: sealPeriod,
    sleep: abortableSleep,
    log: (line) => console.log(`[ledger] ${line}`),
    tickMs: SEALER_TICK_MS,
  };
}

/** One look: seals when due (decided again under the seal lock), and says whether to look again at once (a backlog). */
async function tick(deps: TSealerDeps): Promise<boolean> {
  if (!isSealDue(await deps.readState(), deps.policy)) return false;
  const result = await deps.seal({ policy: deps.policy });
  if (result.status !== 'sealed') return false;
  deps.log(describeSealed(result));
  return true;
}

/**
 * The background sealer: every tick, closes a period when it is due (every
 * SEAL_INTERVAL_SECONDS, or at once when SEAL_MAX_EVENTS wait) and keeps
 * sealing while a backlog remains. Every app instance may run one; the seal
 * lock lets exactly one seal each period. Errors (database down, a refused
 * checkpoint) are logged and retried with growing pauses, never thrown.
 */
export function startSealer(overrides: Partial<TSealerDeps> = {}): TSealer {
  const deps = { ...defaultDeps(), ...overrides };
  const controller = new AbortController();
  const done = (async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      let again = false;
      try {
        again = await tick(deps);
        failures = 0;
      } catch (error) {
        failures++;
        deps.log(`sealing failed (attempt ${failures}): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (again) continue;
      await deps.sleep(failures ? Math.min(MAX_BACKOFF_MS, deps.tickMs * 2 ** failures) : deps.tickMs, controller.signal);
    }
  })();
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
