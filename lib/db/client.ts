import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { getEnv, requireDatabaseUrl } from '@/lib/env';

/**
 * The one database client: a pg Pool, shared by Prisma (through
 * @prisma/adapter-pg) and by the hand-written SQL of hot paths, so that both
 * count against the same connection limit.
 *
 * Created lazily on first use, because tests and scripts set DATABASE_URL
 * after their imports have been evaluated.
 */
type Db = { pool: pg.Pool; prisma: PrismaClient; url: string };

const holder = globalThis as unknown as { __pharmaDb?: Db };

function createDb(): Db {
  const url = requireDatabaseUrl();
  const pool = new pg.Pool({
    connectionString: url,
    max: getEnv().DATABASE_POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // A connection dropped by a Postgres restart must not crash the server:
  // the pool reports errors of idle connections, and a checked-out client
  // (a transaction between two statements) reports its own, which with no
  // listener would be an uncaught exception. The statement that uses it
  // fails instead, and the next request gets a fresh connection (or a 503).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma, url };
}

function current(): Db {
  const url = requireDatabaseUrl();
  if (!holder.__pharmaDb || holder.__pharmaDb.url !== url) holder.__pharmaDb = createDb();
  return holder.__pharmaDb;
}

export function getPool(): pg.Pool {
  return current().pool;
}

export function getPrisma(): PrismaClient {
  return current().prisma;
}

/** Closes the pool (scripts and tests, at their end). */
export async function disconnectDb(): Promise<void> {
  const db = holder.__pharmaDb;
  holder.__pharmaDb = undefined;
  if (!db) return;
  await db.prisma.$disconnect();
  await db.pool.end();
}
