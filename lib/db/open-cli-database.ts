import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareDatabase } from '@/lib/db/bootstrap';
import { DEFAULT_APP_ROLE } from '@/lib/db/embedded';
import { getEnv, resetEnvCache } from '@/lib/env';

/**
 * The embedded PostgreSQL of a running `npm start` (same DATA_DIR), read
 * from its postmaster.pid (line 1: pid, line 4: port) and the generated
 * passwords: the CLI connects to it as the app role instead of starting a
 * second server on the same data, which Postgres would refuse.
 */
async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const secretsFile = path.join(dataDir, 'pg-secrets.json');
  if (!existsSync(pidFile) || !existsSync(secretsFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const secrets = JSON.parse(await readFile(secretsFile, 'utf8')) as { app: string };
  return `postgresql://${DEFAULT_APP_ROLE}:${encodeURIComponent(secrets.app)}@127.0.0.1:${Number(portLine)}/pharmatrace`;
}

/**
 * The database a command-line tool works on, as the app role (never the
 * owner: the commands only read and append): DATABASE_URL when set;
 * otherwise the embedded PostgreSQL under DATA_DIR, joining the one a
 * running app started, or starting it (migrations applied) for the length
 * of the command. Call `close` at the end.
 */
export async function openCliDatabase(log: (line: string) => void): Promise<{ close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { close: async () => undefined };
  const running = await runningEmbeddedUrl(path.resolve(getEnv().DATA_DIR));
  if (running) {
    process.env.DATABASE_URL = running;
    resetEnvCache();
    return { close: async () => undefined };
  }
  const database = await prepareDatabase(log);
  process.env.DATABASE_URL = database.appUrl;
  resetEnvCache();
  return { close: database.stop };
}
