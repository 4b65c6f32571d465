/**
 * What one benchmark run does, from `--scale`: `small` (the CI smoke test,
 * a few minutes), `default` (the figures the targets are stated for: a
 * million packs and five million events), `large` (five times that), or a
 * factor of the default (`--scale 0.1`).
 */
export type TBenchPlan = {
  scale: string;
  /** Packs of the bulk-loaded dataset; every pack has five events (plus one commissioning event per batch). */
  packs: number;
  /** Serials commissioned through POST /api/v1/batches/{id}/commission, against a raw COPY of as many pack rows. */
  commission: number;
  /** Events per door (scans, EPCIS capture) in each ingest phase, in requests of `perRequest` events. */
  ingestEvents: number;
  perRequest: number;
  /** Events sealed as one period, against 2 x as many node:crypto SHA-256 hashes. */
  seal: number;
  /** Seconds of each autocannon run at full concurrency. */
  loadSeconds: number;
  /** Unmeasured seconds at full concurrency before a route's measured runs. */
  warmSeconds: number;
  /** MATCH_epc queries per reader. */
  queries: number;
  /** Runs of verifyBundle in Chromium. */
  browserRuns: number;
};

const DEFAULT: TBenchPlan = {
  scale: 'default',
  packs: 1_000_000,
  commission: 100_000,
  ingestEvents: 10_000,
  perRequest: 1000,
  seal: 1_000_000,
  loadSeconds: 20,
  warmSeconds: 12,
  queries: 2000,
  browserRuns: 200,
};

const NAMED: Record<string, TBenchPlan> = {
  small: { scale: 'small', packs: 20_000, commission: 10_000, ingestEvents: 2000, perRequest: 1000, seal: 100_000, loadSeconds: 5, warmSeconds: 2, queries: 300, browserRuns: 50 },
  default: DEFAULT,
  large: { ...DEFAULT, scale: 'large', packs: 5_000_000 },
};

/** The plan for `--scale <name | factor>`; throws a readable message for anything else. */
export function benchPlan(scale: string): TBenchPlan {
  const named = NAMED[scale];
  if (named) return named;
  const factor = Number(scale);
  if (!Number.isFinite(factor) || factor < 0.005 || factor > 20) {
    throw new Error(`--scale must be small, default, large or a factor between 0.005 and 20 (got "${scale}")`);
  }
  const packs = Math.round(DEFAULT.packs * factor);
  const quick = factor < 0.5;
  return {
    scale: `x${factor}`,
    packs,
    commission: Math.max(10_000, Math.min(DEFAULT.commission, Math.round(DEFAULT.commission * factor))),
    ingestEvents: quick ? 2000 : DEFAULT.ingestEvents,
    perRequest: DEFAULT.perRequest,
    seal: Math.min(DEFAULT.seal, packs * 5),
    loadSeconds: quick ? 5 : DEFAULT.loadSeconds,
    warmSeconds: quick ? 3 : DEFAULT.warmSeconds,
    queries: quick ? 300 : DEFAULT.queries,
    browserRuns: quick ? 50 : DEFAULT.browserRuns,
  };
}

/** `--name value` options of the command line. */
export function readBenchArgs(argv: string[]): { scale: string; out: string; port: number | null; keep: boolean } {
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    return value;
  };
  const port = option('port');
  return { scale: option('scale') ?? 'default', out: option('out') ?? 'bench/results', port: port ? Number(port) : null, keep: argv.includes('--keep') };
}
