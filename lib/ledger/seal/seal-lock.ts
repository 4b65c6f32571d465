import type { Queryable } from '@/lib/db';

/**
 * The advisory lock that makes sealing single-writer across every process
 * using the database ("PTLS"). It is a transaction-level lock taken inside
 * the sealing transaction, so it is released by COMMIT or ROLLBACK, and by
 * Postgres itself when a sealer's connection dies mid-seal.
 */
export const SEAL_LOCK_KEY = 0x5054_4c53;

/**
 * Takes the seal lock in the current transaction. With `wait`, blocks until
 * the sealer holding it has finished; otherwise returns false at once when
 * another sealer holds it (the background timer simply tries again later).
 */
export async function acquireSealLock(tx: Queryable, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK_KEY]);
    return true;
  }
  const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEAL_LOCK_KEY]);
  return rows[0]?.locked === true;
}
