import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, DEFAULT_APP_ROLE } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureAppRole, grantAppRole } from '@/lib/db/roles';

/**
 * Once per test run: a PostgreSQL cluster (embedded in a temporary folder, or
 * the server of TEST_DATABASE_URL, whose role needs CREATEDB and CREATEROLE)
 * and a migrated template database that each test file clones
 * (lib/testing/setup-db.ts).
 */
export type TTestDbInfo = { ownerUrl: string; appUser: string; appPassword: string; template: string };

declare module 'vitest' {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    testDb: TTestDbInfo;
  }
}

const TEMPLATE = 'pt_template';
const APP_PASSWORD = 'test-app-password';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createTemplate(ownerUrl: string, appUser: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await ensureAppRole(admin, appUser, APP_PASSWORD);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(ownerUrl, TEMPLATE);
  await applyMigrations(templateUrl);
  const client = new pg.Client({ connectionString: templateUrl });
  await client.connect();
  try {
    await grantAppRole(client, appUser);
  } finally {
    await client.end();
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  let ownerUrl: string;
  if (external) {
    ownerUrl = external;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pharmatrace-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', fast: true });
    ownerUrl = embedded.ownerUrl;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const appUser = external ? 'pt_test_app' : DEFAULT_APP_ROLE;
  await createTemplate(ownerUrl, appUser);
  project.provide('testDb', { ownerUrl, appUser, appPassword: APP_PASSWORD, template: TEMPLATE });
  return stop;
}
