import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * History cannot be rewritten through the database: the ledger tables reject
 * UPDATE, DELETE and TRUNCATE for everyone (triggers, even under replication
 * role), and the app's own role lacks those privileges in the first place.
 */
const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
const app = new pg.Client({ connectionString: process.env.DATABASE_URL });

async function insertEvent(client: pg.Client, eventId: string): Promise<string> {
  const org = await client.query<{ id: string }>(
    `INSERT INTO organisations (name, role, gln, country) VALUES ('Test', 'MANUFACTURER', $1, 'DE') RETURNING id`,
    [String(Math.floor(Math.random() * 1e12)).padStart(13, '1').slice(0, 13)],
  );
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO events (event_id, org_id, event_type, event_time, event_time_zone_offset, public_record, private_record, salt, leaf_hash)
     VALUES ($1, $2, 'ObjectEvent', now(), '+00:00', '{}', '{}', '\\x00', '\\x00') RETURNING id`,
    [eventId, org.rows[0]!.id],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  await owner.connect();
  await app.connect();
});
afterAll(async () => {
  await owner.end();
  await app.end();
});

describe('append-only tables', () => {
  it('reject UPDATE, DELETE and TRUNCATE even for the owner', async () => {
    const id = await insertEvent(owner, 'ni:///sha-256;aa?ver=CBV2.0');
    await expect(owner.query(`UPDATE events SET biz_step = 'x' WHERE id = $1`, [id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(owner.query(`DELETE FROM events WHERE id = $1`, [id])).rejects.toThrow(/append-only: DELETE/);
    await expect(owner.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM events WHERE id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it('still reject with session_replication_role = replica (ENABLE ALWAYS)', async () => {
    const id = await insertEvent(owner, 'ni:///sha-256;bb?ver=CBV2.0');
    await owner.query(`SET session_replication_role = replica`);
    try {
      await expect(owner.query(`DELETE FROM events WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.query(`SET session_replication_role = origin`);
    }
  });

  it.each(['event_epcs', 'anchors', 'ledger_chunks', 'checkpoints', 'audit_log', 'alert_changes'])('%s rejects DELETE and TRUNCATE', async (table) => {
    await expect(owner.query(`DELETE FROM ${table}`)).resolves.toBeDefined(); // no rows: row triggers do not fire
    await expect(owner.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('the app role may insert and read but holds no UPDATE or DELETE privilege', async () => {
    const id = await insertEvent(owner, 'ni:///sha-256;cc?ver=CBV2.0');
    const { rows } = await app.query(`SELECT id FROM events WHERE id = $1`, [id]);
    expect(rows).toHaveLength(1);
    await expect(app.query(`UPDATE events SET biz_step = 'x' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM anchors`)).rejects.toThrow(/permission denied/);
  });

  it('recalls can be closed but never deleted', async () => {
    const org = await owner.query<{ id: string }>(`SELECT id FROM organisations LIMIT 1`);
    await owner.query(`INSERT INTO products (gtin, owner_org_id, name, form, strength, pack_size, company_prefix_length) VALUES ('09506000134352', $1, 'P', 'tablet', '1 mg', 10, 7)`, [org.rows[0]!.id]);
    const batch = await owner.query<{ id: string }>(`INSERT INTO batches (gtin, lot, expiry) VALUES ('09506000134352', 'L1', '2030-01-01') RETURNING id`);
    const recall = await app.query<{ id: string }>(
      `INSERT INTO recalls (batch_id, reason, class, initiated_by_org) VALUES ($1, 'contamination', 'I', $2) RETURNING id`,
      [batch.rows[0]!.id, org.rows[0]!.id],
    );
    const id = recall.rows[0]!.id;
    await app.query(`UPDATE recalls SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [id]);
    await expect(owner.query(`DELETE FROM recalls WHERE id = $1`, [id])).rejects.toThrow(/append-only: DELETE/);
    await expect(app.query(`DELETE FROM recalls WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
  });
});
