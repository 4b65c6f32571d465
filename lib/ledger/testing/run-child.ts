import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * tsx's loader inside this very process (not the tsx command, which runs
 * the file in a grandchild): a signal sent to the child then reaches the
 * process that holds the database connection.
 */
const TSX_LOADER = pathToFileURL(path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export type TChild = {
  process: ChildProcess;
  /** JSON lines printed so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the first printed line matching `test`. */
  waitFor: (test: (line: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
};

/** Runs a TypeScript file of the repository in a child process (tsx), with this process's environment. */
export function runTsChild(file: string, args: string[] = []): TChild {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, file, ...args], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString('utf8');
    for (let newline = stdout.indexOf('\n'); newline >= 0; newline = stdout.indexOf('\n')) {
      const text = stdout.slice(0, newline);
      stdout = stdout.slice(newline + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { text };
      }
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.test(line))) waiter.resolve(line);
    }
  });
  child.stderr.on('data', (data: Buffer) => void (stderr += data.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  const waitFor = (test: (line: Record<string, unknown>) => boolean, timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = lines.find(test);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`child printed no such line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(({ code }) => reject(new Error(`child exited (${code}) before printing such a line; stderr: ${stderr}`)));
    });
  return { process: child, lines, waitFor, exited };
}
