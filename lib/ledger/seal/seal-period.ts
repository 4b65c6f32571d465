import type pg from 'pg';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TLedgerSigner } from '@/lib/ledger/checkpoint';
import { buildPeriodTree, fastLeafHash, packHashes } from '@/lib/ledger/merkle';
import { bytesEqual } from '@/lib/verify';
import { withAnchorLog } from '../anchor-log/anchor-log-cache';
import { readLatestAnchor, type TStoredAnchor } from '../anchor-rows';
import { readSealableHighWaterMark } from '../fence';
import { getLedgerSigner } from '../ledger-signer';
import { insertAnchor, nextAnchorRow } from './insert-anchor';
import { insertPeriodChunks } from './insert-period-chunks';
import { readPeriodLeaves } from './read-period-leaves';
import { readSealState } from './read-seal-state';
import { acquireSealLock } from './seal-lock';
import { sealDueAt, sealPolicyFromEnv, type TSealPolicy } from './seal-policy';
import { signNextCheckpoint } from './sign-next-checkpoint';

/** Points inside the sealing transaction, reported (and, in tests, interrupted) as they pass. */
export type TSealStage = 'leaves-read' | 'tree-built' | 'chunks-stored' | 'anchor-stored' | 'checkpoint-signed';

export type TSealOptions = {
  /** Wait for a sealer in another process or connection to finish, instead of answering 'busy'. */
  wait?: boolean;
  /** Seal only when a period is due under this policy (decided under the lock); otherwise seal whatever waits. */
  policy?: TSealPolicy;
  /** Most events in the period; default SEAL_MAX_EVENTS. */
  maxEvents?: number;
  onStage?: (stage: TSealStage) => void | Promise<void>;
};

export type TSealed = { status: 'sealed'; anchor: TStoredAnchor; checkpoint: string; logSize: number };
export type TSealResult = TSealed | { status: 'busy' } | { status: 'idle' } | { status: 'not-due'; dueAt: Date };

/**
 * Seals the next period in ONE transaction under the seal lock: reads the
 * waiting events' leaf hashes up to the fence's high-water mark (hashing
 * each chunk's subtree as it arrives), builds the period root over the
 * chunk roots, stores the chunks, appends the anchor, appends the anchor to
 * the anchor log, and signs and stores the new checkpoint once it is proven
 * to extend the latest one. Any failure, or
 * the process dying, rolls all of it back; the next seal starts from the
 * same events. Any number of processes may call this at once: exactly one
 * seals each period (docs/decisions/035).
 */
export async function sealPeriod(options: TSealOptions = {}): Promise<TSealResult> {
  const signer = await getLedgerSigner();
  const client = await getPool().connect();
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const result = await sealLocked(client, signer, options);
    if (result.status !== 'sealed') await client.query('ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A fresh connection next time: nothing held by this one can outlive the failure.
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

async function sealLocked(client: pg.PoolClient, signer: TLedgerSigner, options: TSealOptions): Promise<TSealResult> {
  if (!(await acquireSealLock(client, options.wait === true))) return { status: 'busy' };
  const maxEvents = options.maxEvents ?? options.policy?.maxEvents ?? sealPolicyFromEnv().maxEvents;
  if (options.policy) {
    const state = await readSealState(client, options.policy.maxEvents);
    const dueAt = sealDueAt(state, options.policy);
    if (!dueAt) return { status: 'idle' };
    if (dueAt > state.now) return { status: 'not-due', dueAt };
  }
  const previous = await readLatestAnchor(client);
  const highWaterMark = await readSealableHighWaterMark(client);
  const period = await readPeriodLeaves(client, previous?.lastEventId ?? 0n, highWaterMark, maxEvents);
  if (!period) return { status: 'idle' };
  await options.onStage?.('leaves-read');
  const root = buildPeriodTree(packHashes(period.chunkRoots)).root;
  await options.onStage?.('tree-built');
  const anchor = nextAnchorRow(previous, period, root);
  await insertPeriodChunks(client, anchor.seq, period, period.chunkRoots);
  await options.onStage?.('chunks-stored');
  const sealedAt = await insertAnchor(client, anchor);
  await options.onStage?.('anchor-stored');
  return withAnchorLog(client, async (log) => {
    if (log.size !== anchor.seq + 1 || !bytesEqual(log.leafHash(anchor.seq), fastLeafHash(anchor.hash))) {
      throw new AppError('ledger_integrity_failure', `The anchor log (${log.size} entries) does not end with anchor #${anchor.seq}.`);
    }
    const checkpoint = await signNextCheckpoint(client, log, signer);
    await options.onStage?.('checkpoint-signed');
    await client.query('COMMIT');
    return { status: 'sealed', anchor: { ...anchor, sealedAt }, checkpoint, logSize: log.size };
  });
}
