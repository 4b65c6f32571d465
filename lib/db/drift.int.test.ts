import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSchemaDrift } from './drift';

describe('schema.prisma and the migrated database', () => {
  const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
  beforeAll(() => owner.connect());
  afterAll(() => owner.end());

  it('are in step', async () => {
    expect(await findSchemaDrift(owner)).toEqual([]);
  });

  it('reports a column, an index and an enum value that drifted', async () => {
    await owner.query('BEGIN');
    try {
      await owner.query('ALTER TABLE batches DROP COLUMN manufactured_on');
      await owner.query('CREATE INDEX batches_expiry_idx ON batches (expiry)');
      await owner.query("ALTER TYPE pack_status ADD VALUE 'SAMPLE'");
      const drift = await findSchemaDrift(owner);
      expect(drift).toContain('column batches.manufactured_on is missing from the database');
      expect(drift).toContain('index batches(expiry) btree is in the database but not in schema.prisma');
      expect(drift).toContain(
        'enum pack_status: schema has ACTIVE,DISPENSED,RECALLED,STOLEN,EXPIRED,DESTROYED, database has ACTIVE,DISPENSED,RECALLED,STOLEN,EXPIRED,DESTROYED,SAMPLE',
      );
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
