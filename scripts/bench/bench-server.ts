import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@/lib/db/embedded';
export { ensureProductionBuild } from '../build-state';

/**
 * The production build served by scripts/serve.ts, as `npm start` serves it:
 * built first when the sources changed (scripts/build-state.ts), the app
 * role's URL only, the benchmark's DATA_DIR (so the server signs with the
 * ledger key the benchmark's sealer uses). Background jobs are off: a
 * sealer working through millions of unsealed events would compete for the
 * cores with what is being measured; sealing is measured on its own.
 */
export type TBenchServer = { url: string; pid: number; stop: () => Promise<void> };

const TSX = 'node_modules/tsx/dist/cli.mjs';


export async function startBenchServer(options: { appUrl: string; dataDir: string; port: number | null }): Promise<TBenchServer> {
  const port = options.port ?? (await freePort());
  const { DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [TSX, 'scripts/serve.ts', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...inherited, NODE_ENV: 'production', DATABASE_URL: options.appUrl, DATA_DIR: options.dataDir, BACKGROUND_JOBS: 'false', NEXT_TELEMETRY_DISABLED: '1', PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server (scripts/serve.ts) exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error('the server did not answer /api/health within a minute');
}
