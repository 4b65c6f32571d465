'use server';

import { revalidatePath } from 'next/cache';
import { runLedgerAudit, type TAuditFailure, type TAuditSummary } from '@/lib/ledger';
import { failureMessage } from '../_lib/action-state';
import { requireActor } from '../_lib/session';

export type TAuditAnswer =
  | { state: 'idle' }
  | { state: 'done'; ok: boolean; runId: string | null; summary: TAuditSummary; failures: TAuditFailure[]; finishedAt: string }
  | { state: 'failed'; message: string };

/** Shown on the page at most; the audit counts them all and records the run. */
const LISTED_FAILURES = 20;

/**
 * Runs the ledger audit now (lib/ledger runLedgerAudit, docs/decisions/037)
 * as the signed-in regulator: every leaf, period root, anchor link and
 * checkpoint recomputed over one consistent snapshot, the run recorded.
 */
export async function runAuditAction(_previous: TAuditAnswer): Promise<TAuditAnswer> {
  const actor = await requireActor('/console/ledger');
  try {
    const result = await runLedgerAudit({ actor });
    revalidatePath('/console/ledger');
    return { state: 'done', ok: result.ok, runId: result.runId, summary: result.summary, failures: result.failures.slice(0, LISTED_FAILURES), finishedAt: new Date().toISOString() };
  } catch (error) {
    return { state: 'failed', message: failureMessage(error) };
  }
}
