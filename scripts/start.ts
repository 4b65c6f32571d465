/**
 * `npm start` / `npm run dev`: one command from a clean clone to a running app.
 *
 * 1. Database: DATABASE_URL if set, otherwise an embedded PostgreSQL under
 *    DATA_DIR (default .data/); migrations applied; demo data seeded into an
 *    empty database unless SEED_DEMO=false.
 * 2. Production: builds the app if the sources changed since the last build,
 *    then serves it with scripts/serve.ts (Next.js behind the fast lane for
 *    the hot API routes, docs/decisions/093). With --dev: `next dev`.
 * 3. Ctrl-C stops the server and the embedded database.
 */
import { spawn } from 'node:child_process';
import { getEnv } from '@/lib/env';
import { prepareDatabase } from '@/lib/db/bootstrap';
import { ensureDemoData } from './seed-if-empty';
import { ensureProductionBuild } from './build-state';

const dev = process.argv.includes('--dev');
const NEXT = 'node_modules/next/dist/bin/next';
const TSX = 'node_modules/tsx/dist/cli.mjs';
const log = (line: string) => console.log(`[pharmatrace] ${line}`);


async function main(): Promise<void> {
  const env = getEnv();
  const database = await prepareDatabase(log);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => undefined);
    process.exit(code);
  };
  try {
    await ensureDemoData(database.appUrl, log);
    if (!dev) await ensureProductionBuild(log);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }
  // The server gets the app role only: no owner rights over the ledger tables.
  const { DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
  const command = dev ? [NEXT, 'dev', '-p', String(env.PORT)] : [TSX, 'scripts/serve.ts', '-p', String(env.PORT)];
  const child = spawn(process.execPath, command, {
    stdio: 'inherit',
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: database.appUrl },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      child.kill('SIGTERM');
    });
  }
  child.on('exit', (code) => void shutdown(code ?? 0));
  log(`Serving on http://localhost:${env.PORT} (Ctrl-C to stop).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
