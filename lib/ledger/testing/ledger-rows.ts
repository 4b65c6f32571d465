import pg from 'pg';
import { getPool } from '@/lib/db';
import { resetAnchorLogCache } from '../anchor-log/anchor-log-cache';

/**
 * Reading and (as the database owner) rewriting ledger rows in integration
 * tests. Tampering goes through TEST_OWNER_URL, a superuser, with the
 * append-only triggers disabled for the one statement, exactly as an
 * attacker holding the database would.
 */

/** Every sealed leaf's event id, in chunk order across all periods. */
export async function sealedEventIds(): Promise<bigint[]> {
  const { rows } = await getPool().query<{ event_ids: Buffer }>('SELECT event_ids FROM ledger_chunks ORDER BY anchor_seq, chunk_index');
  return rows.flatMap((row) => Array.from({ length: row.event_ids.length / 8 }, (_, i) => row.event_ids.readBigInt64BE(i * 8)));
}

export async function allEventIds(): Promise<bigint[]> {
  const { rows } = await getPool().query<{ id: string }>('SELECT id::text AS id FROM events ORDER BY events.id');
  return rows.map((row) => BigInt(row.id));
}

/** The event ID (CBV hash ID) of the event with row id `id`. */
export async function eventIdOfRow(id: bigint): Promise<string> {
  const { rows } = await getPool().query<{ event_id: string }>('SELECT event_id FROM events WHERE id = $1', [id.toString()]);
  return rows[0]!.event_id;
}

/** When the latest period was sealed (anchors.sealed_at), or null. */
export async function latestSealedAt(): Promise<Date | null> {
  const { rows } = await getPool().query<{ sealed_at: Date }>('SELECT sealed_at FROM anchors ORDER BY seq DESC LIMIT 1');
  return rows[0]?.sealed_at ?? null;
}

export async function ledgerCounts(): Promise<{ anchors: number; chunks: number; checkpoints: number }> {
  const { rows } = await getPool().query<{ anchors: number; chunks: number; checkpoints: number }>(
    'SELECT (SELECT count(*)::int FROM anchors) AS anchors, (SELECT count(*)::int FROM ledger_chunks) AS chunks, (SELECT count(*)::int FROM checkpoints) AS checkpoints',
  );
  return rows[0]!;
}

/** Runs `sql` as the superuser with every trigger of `table` disabled (the only way around the append-only triggers). */
export async function tamper(table: string, sql: string, values: unknown[] = []): Promise<number> {
  const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`);
    const { rowCount } = await owner.query(sql, values);
    await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER ALL`);
    // Put the append-only triggers back exactly as the migration left them (ENABLE ALWAYS).
    for (const suffix of ['row', 'truncate']) await owner.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${table}_append_only_${suffix}`);
    await owner.query('COMMIT');
    resetAnchorLogCache();
    return rowCount ?? 0;
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  } finally {
    await owner.end();
  }
}
