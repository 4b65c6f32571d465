import type pg from 'pg';
import { getPool } from './client';

/** A connection or the pool: what hand-written SQL runs on. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `work` in one transaction on one connection: COMMIT if it returns,
 * ROLLBACK if it throws, so a failed request leaves nothing half-written.
 * `opening`: SQL without parameters that the transaction runs first, sent
 * with BEGIN in one round trip (lib/ledger/fence.ts: the ledger fence).
 */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, options: { opening?: string } = {}): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query(options.opening ? `BEGIN; ${options.opening}` : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One query on the pool. */
export async function query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
  return getPool().query<R>(text, values);
}
