import type { Queryable } from '@/lib/db';
import { readSealState } from '../seal/read-seal-state';
import { sealDueAt, sealPolicyFromEnv } from '../seal/seal-policy';
import type { TProofEvent } from './read-event-for-proof';

/** The answer for an event recorded but not sealed yet (HTTP 202). */
export type TPendingProof = { status: 'pending'; eventId: string; recordedAt: string; expectedSealBy: string };

/** The background sealer looks once a second (lib/ledger/seal/run-sealer.ts), and a seal takes a moment. */
const SEALER_SLACK_MS = 2_000;

/**
 * When the event's period should be sealed, by the same rule the sealer
 * follows (seal-policy.ts): the next due time, or now if it is overdue
 * (a backlog, or a sealer that is busy), plus the sealer's polling slack.
 */
export async function pendingProof(db: Queryable, event: TProofEvent): Promise<TPendingProof> {
  const policy = sealPolicyFromEnv();
  const state = await readSealState(db, policy.maxEvents);
  const dueAt = sealDueAt(state, policy) ?? state.now;
  const expected = Math.max(dueAt.getTime(), state.now.getTime()) + SEALER_SLACK_MS;
  return { status: 'pending', eventId: event.eventId, recordedAt: event.recordedAt.toISOString(), expectedSealBy: new Date(expected).toISOString() };
}
