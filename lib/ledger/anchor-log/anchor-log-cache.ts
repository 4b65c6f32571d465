import type { Queryable } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { fastLeafHash, MerkleLog } from '@/lib/ledger/merkle';
import { bytesEqual } from '@/lib/verify';

/**
 * The anchor log (one RFC 6962 leaf per sealed period, leaf data = the
 * anchor's 32-byte hash) held in this process's memory, shared by the sealer
 * and the proof routes. It is rebuilt from the `anchors` table on first use
 * (two hashes per anchor) and brought up to date from the table before each
 * use, so periods sealed by another process are picked up.
 *
 * One user at a time: `withAnchorLog` runs its work under an in-process
 * mutex. The sealer appends its new anchor and commits inside that work, so
 * no proof is ever built from a leaf that might still roll back; if the
 * work throws, the log is dropped and rebuilt on the next use.
 */
type TCache = { databaseUrl: string; log: MerkleLog };

const REBUILD_BATCH = 100_000;
let cache: TCache | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` with the anchor log synced to what `db` sees, one caller at a time. */
export function withAnchorLog<T>(db: Queryable, work: (log: MerkleLog) => Promise<T> | T): Promise<T> {
  const run = queue.then(async () => {
    try {
      return await work(await syncedLog(db));
    } catch (error) {
      cache = undefined;
      throw error;
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Forgets the log (tests that rewrite the database underneath). */
export function resetAnchorLogCache(): void {
  cache = undefined;
}

async function syncedLog(db: Queryable): Promise<MerkleLog> {
  const databaseUrl = requireDatabaseUrl();
  if (cache?.databaseUrl !== databaseUrl || !(await extend(db, cache.log))) {
    cache = { databaseUrl, log: await rebuild(db) };
  }
  return cache.log;
}

type TAnchorHashRow = { seq: number; hash: Buffer };

/**
 * Appends the anchors sealed since the log was last synced. Returns false
 * when the table no longer agrees with the log (the last known anchor is gone
 * or different: another database, or history rewritten), so the caller
 * rebuilds from scratch instead of extending a log that is not this table's.
 */
async function extend(db: Queryable, log: MerkleLog): Promise<boolean> {
  const from = Math.max(log.size - 1, 0);
  const { rows } = await db.query<TAnchorHashRow>('SELECT seq, hash FROM anchors WHERE seq >= $1 ORDER BY seq', [from]);
  if (log.size > 0) {
    const known = rows.shift();
    if (!known || known.seq !== log.size - 1 || !bytesEqual(fastLeafHash(known.hash), log.leafHash(log.size - 1))) return false;
  }
  return appendInOrder(log, rows);
}

async function rebuild(db: Queryable): Promise<MerkleLog> {
  const log = new MerkleLog();
  for (;;) {
    const { rows } = await db.query<TAnchorHashRow>('SELECT seq, hash FROM anchors WHERE seq >= $1 ORDER BY seq LIMIT $2', [log.size, REBUILD_BATCH]);
    if (!appendInOrder(log, rows)) {
      throw new AppError('ledger_integrity_failure', `Anchor #${log.size} is missing from the anchor chain; run \`npm run audit\`.`);
    }
    if (rows.length < REBUILD_BATCH) return log;
  }
}

/** Appends rows whose seq must continue the log exactly; false at the first gap. */
function appendInOrder(log: MerkleLog, rows: TAnchorHashRow[]): boolean {
  for (const row of rows) {
    if (row.seq !== log.size) return false;
    log.append(fastLeafHash(row.hash));
  }
  return true;
}
