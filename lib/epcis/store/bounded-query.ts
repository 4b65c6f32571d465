import type pg from 'pg';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { readSealableHighWaterMark } from '@/lib/ledger/fence';

/**
 * A query may ask for much (a pattern over a GTIN with a million packs):
 * it runs read-only with a time limit, so no caller can keep the database
 * busy, and an overlong one is refused as too complex.
 */
export const QUERY_TIME_LIMIT_MS = 15_000;

export type TBoundedOptions = {
  /** Read the ledger fence's high-water mark first (the first page of a query, docs/decisions/045). */
  snapshot?: boolean;
  timeLimitMs?: number;
};

/**
 * Runs `work` in a read-only transaction with a statement timeout, on one
 * pooled connection. With `snapshot`, the fence's mark is read on that
 * connection before the transaction begins: every event with an id at or
 * below it had committed when it was read, and sequence order is not commit
 * order, so max(id) alone could skip an event that commits later under a
 * smaller id. Throws 413 epcis_query_too_complex past the time limit.
 */
export async function boundedQuery<T>(work: (db: pg.PoolClient, mark: string | null) => Promise<T>, options: TBoundedOptions = {}): Promise<T> {
  const timeLimitMs = Math.max(1, Math.round(options.timeLimitMs ?? QUERY_TIME_LIMIT_MS));
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    const mark = options.snapshot ? String(await readSealableHighWaterMark(client)) : null;
    // One round trip for both; SET LOCAL ends with the transaction, so the pooled connection keeps its defaults.
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${timeLimitMs}`);
    try {
      const result = await work(client, mark);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } catch (error) {
    if ((error as { code?: string }).code !== '57014') throw error;
    throw new AppError('epcis_query_too_complex', `The query did not finish within ${timeLimitMs / 1000} s; narrow it (a time range, an EPC instead of a pattern, fewer alternatives).`);
  } finally {
    client.release(broken);
  }
}
