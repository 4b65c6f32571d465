import { bytesEqual, fromHex, GENESIS_PREV_HASH } from '@/lib/verify';
import { computeAnchorHash } from '../anchor-hash';
import type { TStoredAnchor } from '../anchor-rows';
import type { TAuditContext } from './audit-context';

const GENESIS = fromHex(GENESIS_PREV_HASH);

function recomputedHash(anchor: TStoredAnchor): Uint8Array | string {
  try {
    return computeAnchorHash(anchor);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The chain checks of one anchor against its predecessor: sequence without
 * gaps, prev_hash linking to the previous anchor's hash (zeros for the
 * first), its hash recomputed from its own fields, and periods that follow
 * each other in time and event ids.
 */
export function auditAnchorRow(ctx: TAuditContext, anchor: TStoredAnchor, previous: TStoredAnchor | null): void {
  const fail = (problem: string) => ctx.failures.add('anchor', `anchor #${anchor.seq}`, problem);
  const expectedSeq = previous ? previous.seq + 1 : 0;
  if (anchor.seq !== expectedSeq) fail(`comes where anchor #${expectedSeq} should (an anchor is missing, duplicated or moved)`);
  if (!bytesEqual(anchor.prevHash, previous ? previous.hash : GENESIS)) {
    fail(previous ? `prev_hash does not link to the hash of anchor #${previous.seq}` : 'the first anchor must have prev_hash = 32 zero bytes');
  }
  const hash = recomputedHash(anchor);
  if (typeof hash === 'string') fail(`its fields do not form a valid anchor: ${hash}`);
  else if (!bytesEqual(hash, anchor.hash)) fail('the stored hash does not match its contents (SHA-256 of its JCS form)');
  if (previous && anchor.periodStart.getTime() !== previous.periodEnd.getTime()) fail(`its period does not start where period #${previous.seq} ended`);
  if (previous && anchor.firstEventId <= previous.lastEventId) fail(`its events overlap those of period #${previous.seq}`);
}
