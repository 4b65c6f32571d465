import { bytesEqual, type TCheckpoint, type TNoteVerifierKey } from '@/lib/verify';
import { CHECKPOINT_COLUMNS, checkpointFromDb, type TStoredCheckpoint } from '../log/read-latest-checkpoint';
import { openCheckpointWithNodeCrypto } from '../log/open-checkpoint-node';
import type { TAuditContext } from './audit-context';

const BATCH = 1000;

async function* storedCheckpoints(ctx: TAuditContext): AsyncGenerator<TStoredCheckpoint> {
  let after = 0;
  for (;;) {
    const { rows } = await ctx.db.query<Parameters<typeof checkpointFromDb>[0]>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE tree_size > $1 ORDER BY tree_size LIMIT $2`,
      [after, BATCH],
    );
    for (const row of rows) yield checkpointFromDb(row);
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.tree_size;
  }
}

/** The checkpoint opened with the first trusted key that signed it, or why none did. */
function openWithTrustedKeys(note: string, keys: readonly TNoteVerifierKey[]): TCheckpoint | string {
  let reason = 'no trusted key';
  for (const key of keys) {
    try {
      return openCheckpointWithNodeCrypto(note, key);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  return reason;
}

/**
 * Every checkpoint ever signed (one per sealed period, sizes 1, 2, ...):
 * signed by a trusted key, its note agreeing with its stored columns, and
 * its root equal to the anchor log rebuilt from the anchors at that size.
 * The newest must cover every anchor.
 */
export async function auditCheckpoints(ctx: TAuditContext, trustedKeys: readonly TNoteVerifierKey[]): Promise<void> {
  let expectedSize = 1;
  for await (const stored of storedCheckpoints(ctx)) {
    const fail = (problem: string) => ctx.failures.add('checkpoint', `checkpoint of size ${stored.treeSize}`, problem);
    if (stored.treeSize !== expectedSize) fail(`comes where the checkpoint of size ${expectedSize} should (a checkpoint is missing)`);
    expectedSize = stored.treeSize + 1;
    ctx.counts.checkpoints++;
    const opened = openWithTrustedKeys(stored.note, trustedKeys);
    if (typeof opened === 'string') fail(`its signature does not verify with the published key (${opened})`);
    else if (opened.treeSize !== stored.treeSize || !bytesEqual(opened.rootHash, stored.rootHash)) fail('its signed note states another size or root than its stored columns');
    if (stored.treeSize > ctx.anchorLog.size) fail(`covers ${stored.treeSize} anchors but only ${ctx.anchorLog.size} are stored`);
    else if (!bytesEqual(ctx.anchorLog.root(stored.treeSize), stored.rootHash)) fail('its root is not the root of the anchor log rebuilt from the stored anchors');
    ctx.progress('checkpoints', ctx.counts.checkpoints, ctx.totals.checkpoints);
  }
  if (expectedSize - 1 < ctx.anchorLog.size) {
    ctx.failures.add('anchor', `anchor #${ctx.anchorLog.size - 1}`, `is covered by no checkpoint (the newest covers ${expectedSize - 1} anchors)`);
  }
}
