import { bytesEqual } from '@/lib/verify';
import { eventSubject, type TAuditContext } from './audit-context';
import { eventRecordProblem, recomputedLeaf } from './check-event-record';
import type { TAuditedEvent } from './event-cursor';

/** Checks one event on its own (unsealed events, and events found where no leaf names them). */
export function auditEventRecord(ctx: TAuditContext, event: TAuditedEvent, leaf = recomputedLeaf(event)): void {
  ctx.counts.events++;
  const problem = eventRecordProblem(event, leaf);
  if (problem) ctx.failures.add('event', eventSubject(event), problem);
}

/**
 * Matches leaf `leafIndex` of period `seq` (sealed for event `id` with leaf
 * hash `sealedLeaf`) with the events table, which is walked in id order
 * alongside the chunks:
 * - events met before `id` lie inside the sealed id range but in no
 *   period: inserted after sealing (or left out by a broken seal);
 * - no event `id`: deleted after sealing;
 * - event `id` whose record does not hash to the sealed leaf: changed.
 */
export async function auditSealedLeaf(ctx: TAuditContext, seq: number, leafIndex: number, id: bigint, sealedLeaf: Uint8Array): Promise<void> {
  for (;;) {
    const event = await ctx.events.peek();
    if (!event || event.id > id) {
      ctx.failures.add('event', `event ${id}`, `sealed as leaf ${leafIndex} of period #${seq} but missing from the events table (deleted)`);
      return;
    }
    ctx.events.advance();
    const leaf = recomputedLeaf(event);
    if (event.id < id) {
      ctx.failures.add('event', eventSubject(event), `lies inside the sealed range (before leaf ${leafIndex} of period #${seq}) but is in no sealed period (inserted after sealing)`);
      auditEventRecord(ctx, event, leaf);
      continue;
    }
    ctx.counts.sealedEvents++;
    if (!bytesEqual(leaf, sealedLeaf)) {
      ctx.counts.events++;
      ctx.failures.add('event', eventSubject(event), `stored record does not hash to the sealed leaf in period #${seq}`);
      return;
    }
    auditEventRecord(ctx, event, leaf);
    return;
  }
}
