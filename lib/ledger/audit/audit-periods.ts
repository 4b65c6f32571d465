import { emptyRoot, bytesEqual } from '@/lib/verify';
import { buildPeriodTree, CHUNK_SIZE, fastLeafHash, HASH_SIZE, merkletreejsRoot, packHashes } from '@/lib/ledger/merkle';
import { ANCHOR_COLUMNS, anchorFromDb, type TAnchorDbRow, type TStoredAnchor } from '../anchor-rows';
import { auditAnchorRow } from './audit-anchor-row';
import type { TAuditContext } from './audit-context';
import { auditSealedLeaf } from './audit-sealed-leaf';
import type { TStoredChunk } from './chunk-cursor';

const ANCHOR_BATCH = 1000;

async function* storedAnchors(ctx: TAuditContext): AsyncGenerator<TStoredAnchor> {
  let after = -1;
  for (;;) {
    const { rows } = await ctx.db.query<TAnchorDbRow>(`SELECT ${ANCHOR_COLUMNS} FROM anchors WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, ANCHOR_BATCH]);
    for (const row of rows) yield anchorFromDb(row);
    if (rows.length < ANCHOR_BATCH) return;
    after = rows.at(-1)!.seq;
  }
}

type TPeriodWalk = { seq: number; chunkRoots: Uint8Array[]; leaves: number; lastId: bigint; firstId: bigint | null; lastChunkSize: number; all: Uint8Array[] | null };

/** One chunk: its shape, its stored root against its leaves, its ids in order, and each leaf against the events table. */
async function auditChunk(ctx: TAuditContext, walk: TPeriodWalk, chunk: TStoredChunk): Promise<void> {
  const fail = (problem: string) => ctx.failures.add('chunk', `chunk ${chunk.chunkIndex} of period #${walk.seq}`, problem);
  ctx.counts.chunks++;
  const size = Math.floor(chunk.leafHashes.length / HASH_SIZE);
  if (chunk.chunkIndex !== walk.chunkRoots.length) fail(`comes where chunk ${walk.chunkRoots.length} should (a chunk is missing or moved)`);
  if (walk.chunkRoots.length > 0 && walk.lastChunkSize !== CHUNK_SIZE) fail('follows a chunk that is not full');
  if (size < 1 || size > CHUNK_SIZE || chunk.leafHashes.length !== size * HASH_SIZE || chunk.eventIds.length !== size * 8) {
    fail(`holds ${chunk.leafHashes.length} bytes of leaf hashes and ${chunk.eventIds.length} bytes of event ids: not 1 to ${CHUNK_SIZE} whole entries of each`);
  }
  const leaves = new Uint8Array(chunk.leafHashes.buffer, chunk.leafHashes.byteOffset, size * HASH_SIZE);
  const root = buildPeriodTree(leaves).root;
  if (!bytesEqual(root, chunk.root)) fail('its stored root does not match its leaf hashes');
  if (size > 0 && chunk.eventIds.length >= 8 && chunk.eventIds.readBigInt64BE(0) !== chunk.firstEventId) fail('first_event_id is not the first of its event ids');
  const count = Math.min(size, Math.floor(chunk.eventIds.length / 8));
  for (let i = 0; i < count; i++) {
    const id = chunk.eventIds.readBigInt64BE(i * 8);
    if (id <= walk.lastId) fail(`event ids are not in ascending order at leaf ${walk.leaves + i}`);
    walk.lastId = id;
    walk.firstId ??= id;
    await auditSealedLeaf(ctx, walk.seq, walk.leaves + i, id, leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  }
  walk.chunkRoots.push(root);
  walk.leaves += size;
  walk.lastChunkSize = size;
  walk.all?.push(leaves);
  ctx.progress('periods', ctx.counts.events, ctx.totals.events);
}

/** The period as a whole: leaf count, first and last event, root recomputed (twice, for small enough periods) from its chunks. */
function auditPeriodRoot(ctx: TAuditContext, anchor: TStoredAnchor, walk: TPeriodWalk): void {
  const fail = (problem: string) => ctx.failures.add('anchor', `anchor #${anchor.seq}`, problem);
  if (walk.leaves !== anchor.treeSize) fail(`tree_size is ${anchor.treeSize} but its chunks hold ${walk.leaves} leaves`);
  if (walk.firstId !== anchor.firstEventId || walk.lastId !== anchor.lastEventId) fail(`its chunks hold events ${walk.firstId}-${walk.lastId}, not ${anchor.firstEventId}-${anchor.lastEventId}`);
  const root = walk.chunkRoots.length ? buildPeriodTree(packHashes(walk.chunkRoots)).root : emptyRoot();
  if (!bytesEqual(root, anchor.root)) fail('its root does not match the period tree recomputed from its chunks');
  if (walk.all) {
    ctx.counts.periodsCrossChecked++;
    if (!bytesEqual(merkletreejsRoot(packHashes(Buffer.concat(walk.all))), anchor.root)) fail('merkletreejs (the second implementation) computes another root for its chunks');
  }
}

/**
 * Every sealed period in order: the anchor chain, each period's chunks and
 * root, and every sealed leaf against the event it names; the anchor log is
 * rebuilt on the way for the checkpoint checks. Chunks no anchor claims are
 * reported at the end.
 */
export async function auditPeriods(ctx: TAuditContext): Promise<TStoredAnchor | null> {
  let previous: TStoredAnchor | null = null;
  for await (const anchor of storedAnchors(ctx)) {
    auditAnchorRow(ctx, anchor, previous);
    const walk: TPeriodWalk = { seq: anchor.seq, chunkRoots: [], leaves: 0, lastId: previous?.lastEventId ?? 0n, firstId: null, lastChunkSize: 0, all: anchor.treeSize <= ctx.crossCheckMaxLeaves ? [] : null };
    for (let chunk = await ctx.chunks.peek(); chunk && chunk.anchorSeq <= anchor.seq; chunk = await ctx.chunks.peek()) {
      ctx.chunks.advance();
      if (chunk.anchorSeq < anchor.seq) ctx.failures.add('chunk', `chunk ${chunk.chunkIndex} of period #${chunk.anchorSeq}`, 'belongs to no anchor');
      else await auditChunk(ctx, walk, chunk);
    }
    auditPeriodRoot(ctx, anchor, walk);
    ctx.anchorLog.append(fastLeafHash(anchor.hash));
    ctx.counts.anchors++;
    previous = anchor;
  }
  for (let chunk = await ctx.chunks.peek(); chunk; chunk = await ctx.chunks.peek()) {
    ctx.chunks.advance();
    ctx.failures.add('chunk', `chunk ${chunk.chunkIndex} of period #${chunk.anchorSeq}`, 'belongs to no anchor');
  }
  return previous;
}
