import { getPool } from '@/lib/db';
import { countAppliedMigrations } from '@/lib/db/migration-count';
import pkg from '@/package.json';

export type THealth = {
  status: 'ok' | 'unavailable';
  version: string;
  database: { reachable: boolean; latencyMs: number | null; migrationsApplied: number | null; error?: string };
};

/** Probes the database with a bounded wait; never throws. */
export async function checkHealth(timeoutMs = 2_000): Promise<THealth> {
  const started = performance.now();
  try {
    const migrations = await withTimeout(
      countAppliedMigrations((sql) => getPool().query<{ n: number }>(sql)),
      timeoutMs,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: 'ok', version: pkg.version, database: { reachable: true, latencyMs, migrationsApplied: migrations } };
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error);
    return {
      status: 'unavailable',
      version: pkg.version,
      database: { reachable: false, latencyMs: null, migrationsApplied: null, error: 'database unreachable' },
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
