import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether the production build in .next is older than the sources. `npm start`
 * builds only when it is, so a second start is quick.
 */
const SOURCES = ['app', 'lib', 'public', 'prisma/schema.prisma', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const SKIP = new Set(['node_modules', 'generated', '.next']);
const STAMP = path.join('.next', 'source-hash');

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const dirents = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!dirents) return [entry];
  const nested = await Promise.all(
    dirents
      .filter((d) => !SKIP.has(d.name) && !d.name.endsWith('.test.ts'))
      .map((d) => listFiles(path.join(entry, d.name))),
  );
  return nested.flat();
}

export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(SOURCES.map(listFiles))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** The hash of the sources now, and whether the last build was made from exactly them. */
export async function buildState(): Promise<{ current: boolean; hash: string }> {
  const hash = await sourceHash();
  if (!existsSync(path.join('.next', 'BUILD_ID')) || !existsSync(STAMP)) return { current: false, hash };
  return { current: (await readFile(STAMP, 'utf8')) === hash, hash };
}

/**
 * Records the hash taken BEFORE the build: a file edited while the build ran
 * then makes the next start rebuild, instead of being taken as built.
 */
export async function markBuilt(hash: string): Promise<void> {
  await writeFile(STAMP, hash);
}

const NEXT = 'node_modules/next/dist/bin/next';

/** Builds the production app unless the last build was made from these very sources. */
export async function ensureProductionBuild(log: (line: string) => void): Promise<void> {
  const state = await buildState();
  if (state.current) return log('Production build is up to date.');
  log('Building the app (first start or sources changed; about a minute) ...');
  const result = spawnSync(process.execPath, [NEXT, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('next build failed; see the output above.');
  await markBuilt(state.hash);
}
