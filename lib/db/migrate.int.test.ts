import { cp, mkdtemp, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR, readMigrationFiles } from './migrate';

const ownerUrl = process.env.TEST_OWNER_URL!;

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('applyMigrations', () => {
  it('records every migration as prisma migrate deploy would, and a second run applies nothing', async () => {
    const files = await readMigrationFiles();
    const result = await applyMigrations(ownerUrl);
    expect(result).toEqual({ applied: [], total: files.length });
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    await client.end();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(files.map((f) => [f.name, f.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('applies a new migration, and rolls back a failing one completely', async () => {
    const dir = await copyOfMigrations();
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, '20991231000000_add_note')));
    await writeFile(path.join(dir, '20991231000000_add_note', 'migration.sql'), 'CREATE TABLE test_note (id int);');
    expect((await applyMigrations(ownerUrl, dir)).applied).toEqual(['20991231000000_add_note']);

    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, '20991231000001_broken')));
    await writeFile(path.join(dir, '20991231000001_broken', 'migration.sql'), 'CREATE TABLE test_half (id int);\nSELECT no_such_function();');
    await expect(applyMigrations(ownerUrl, dir)).rejects.toThrow(/20991231000001_broken failed and was rolled back/);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('test_half') AS t`);
    const recorded = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20991231000001_broken'`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect(recorded.rowCount).toBe(0);
  });

  it('refuses to go on when an applied migration was edited afterwards', async () => {
    const dir = await copyOfMigrations();
    const [first] = await readMigrationFiles(dir);
    await appendFile(path.join(dir, first!.name, 'migration.sql'), '\n-- edited\n');
    await expect(applyMigrations(ownerUrl, dir)).rejects.toThrow(/was edited after it was applied/);
  });
});
