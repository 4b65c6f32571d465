/**
 * The part of autocannon's API that scripts/bench/http-load.ts uses (the
 * package ships no types). See node_modules/autocannon/README.md.
 */
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number };
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      headers?: Record<string, string>;
      requests?: (Request & { setupRequest?: (request: Request, context: Record<string, unknown>) => Request })[];
    };
    type Result = { latency: Histogram; requests: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number; duration: number };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
