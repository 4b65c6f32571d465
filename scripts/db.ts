/**
 * Database chores: `npm run db:migrate | db:seed | db:reset | db:status`.
 * Uses DATABASE_URL (and DATABASE_OWNER_URL for migrations) when set,
 * otherwise the embedded Postgres under DATA_DIR.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { getEnv } from '@/lib/env';
import { disconnectDb } from '@/lib/db';
import { prepareDatabase } from '@/lib/db/bootstrap';
import { readMigrationFiles } from '@/lib/db/migrate';
import { seedDemo } from '@/prisma/seed';

const log = (line: string) => console.log(line);

async function withDatabase(work: (urls: { appUrl: string; ownerUrl: string }) => Promise<void>): Promise<void> {
  const database = await prepareDatabase(log);
  try {
    await work(database);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

async function seed(): Promise<void> {
  await withDatabase(async ({ appUrl }) => {
    process.env.DATABASE_URL = appUrl;
    await seedDemo(log);
  });
}

async function status(): Promise<void> {
  await withDatabase(async ({ ownerUrl }) => {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    const files = await readMigrationFiles();
    const applied = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
    for (const file of files) log(`${applied.has(file.name) ? 'applied ' : 'PENDING '} ${file.name}`);
  });
}

/**
 * Embedded: deletes the data folder (database and ledger signing key: a new
 * database is a new log, so it gets a new key) and starts over with migrations
 * and demo data. External DATABASE_URL: drops and recreates schema `public`,
 * only with --yes.
 */
async function reset(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    if (!process.argv.includes('--yes')) {
      throw new Error('This drops every table in the database at DATABASE_URL. Run `npm run db:reset -- --yes` to confirm.');
    }
    const client = new pg.Client({ connectionString: env.DATABASE_OWNER_URL ?? env.DATABASE_URL });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
  } else {
    const dataDir = path.resolve(env.DATA_DIR);
    log(`Removing ${dataDir} (make sure \`npm start\` is not running) ...`);
    await rm(dataDir, { recursive: true, force: true });
  }
  await seed();
  log('Database reset: migrations applied and demo data seeded.');
}

const commands: Record<string, () => Promise<void>> = {
  migrate: () => withDatabase(async () => undefined),
  seed,
  reset,
  status,
};

const command = process.argv[2] ?? '';
const run = commands[command];
if (!run) {
  console.error(`Usage: tsx scripts/db.ts <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
