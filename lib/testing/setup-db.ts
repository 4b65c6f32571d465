import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';

/**
 * Before each integration test file: its own database, cloned from the
 * migrated template, so files run in parallel without seeing each other's
 * rows. DATABASE_URL is the app role (as in production); TEST_OWNER_URL is the
 * owner, for tests that must act as a superuser (tampering, triggers).
 */
const info = inject('testDb');
const database = `pt_${randomBytes(6).toString('hex')}`;

function urlFor(user: string, password: string, db: string): string {
  const u = new URL(info.ownerUrl);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  u.pathname = `/${db}`;
  return u.toString();
}

const ownerAdmin = new URL(info.ownerUrl);
ownerAdmin.pathname = '/postgres';
const admin = new pg.Client({ connectionString: ownerAdmin.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${info.template}`);
await admin.end();

process.env.DATABASE_URL = urlFor(info.appUser, info.appPassword, database);
process.env.TEST_OWNER_URL = urlFor(decodeURIComponent(new URL(info.ownerUrl).username), decodeURIComponent(new URL(info.ownerUrl).password), database);
process.env.DATA_DIR = `/tmp/pharmatrace-test-data/${database}`;
resetEnvCache();

afterAll(async () => {
  await disconnectDb();
  const client = new pg.Client({ connectionString: ownerAdmin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});
