import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySettings, startEmbeddedPostgres, usableMemory, type TEmbeddedPostgres } from './embedded';

/**
 * The app's embedded cluster (not a throwaway test cluster) sizes its
 * buffers from the machine and keeps their contents across a restart
 * (docs/decisions/098): after a restart, a table read before it is back in
 * shared buffers without any statement reading it, so the first lookups do
 * not wait for the disk.
 */
let dir: string;
let cluster: TEmbeddedPostgres | null = null;

async function owner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster!.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const buffersOf = (client: pg.Client, table: string) =>
  client
    .query<{ n: string }>(`SELECT count(*) AS n FROM pg_buffercache b JOIN pg_class c ON c.relfilenode = b.relfilenode WHERE c.relname = $1 AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`, [table])
    .then((r) => Number(r.rows[0]!.n));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-prewarm-'));
  cluster = await startEmbeddedPostgres({ dataDir: dir, database: 'prewarm' });
}, 60_000);

afterAll(async () => {
  await cluster?.stop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('the embedded cluster that serves the app', () => {
  it('takes half of the usable memory for shared buffers, within 128 MB and 16 GB', async () => {
    const expected = memorySettings(usableMemory());
    const shown = await owner(async (c) => (await c.query<{ mib: string }>(`SELECT setting::bigint * 8 / 1024 AS mib FROM pg_settings WHERE name = 'shared_buffers'`)).rows[0]!.mib);
    expect(Number(shown)).toBe(expected.sharedBuffersMiB);
    expect(memorySettings(24 * 2 ** 30)).toEqual({ sharedBuffersMiB: 12_288, effectiveCacheMiB: 18_432 });
    expect(memorySettings(64 * 2 ** 30).sharedBuffersMiB).toBe(16_384);
    expect(memorySettings(200 * 2 ** 20).sharedBuffersMiB).toBe(128);
  });

  it('has its buffers back after a restart, without a statement reading the table', async () => {
    await owner(async (c) => {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_buffercache');
      await c.query(`CREATE TABLE warm AS SELECT g AS id, repeat('x', 200) AS filler FROM generate_series(1, 20000) g`);
      await c.query('SELECT count(*) FROM warm');
      expect(await buffersOf(c, 'warm')).toBeGreaterThan(100);
    });
    await cluster!.stop();
    const blocks = path.join(dir, 'pg', 'autoprewarm.blocks');
    expect(existsSync(blocks)).toBe(true);
    expect((await readFile(blocks, 'utf8')).split('\n').length).toBeGreaterThan(100);

    cluster = await startEmbeddedPostgres({ dataDir: dir, database: 'prewarm' });
    let warm = 0;
    for (let i = 0; i < 100 && warm < 100; i++) {
      warm = await owner((c) => buffersOf(c, 'warm'));
      if (warm < 100) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(warm).toBeGreaterThan(100);
  }, 60_000);
});
