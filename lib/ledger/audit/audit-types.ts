import type { TActor } from '@/lib/auth/actor';

/** One thing the audit found wrong, named so a person can find it. */
export type TAuditFailure = {
  kind: 'event' | 'chunk' | 'anchor' | 'checkpoint';
  /** What is broken: "event 12345 (ni:///sha-256;…?ver=CBV2.0)", "anchor #3", "checkpoint of size 4". */
  subject: string;
  /** What is wrong with it. */
  problem: string;
};

export type TAuditSummary = {
  events: number;
  sealedEvents: number;
  unsealedEvents: number;
  anchors: number;
  chunks: number;
  checkpoints: number;
  /** Periods whose root merkletreejs also recomputed (those up to crossCheckMaxLeaves events). */
  periodsCrossChecked: number;
  failures: number;
  durationMs: number;
};

export type TLedgerAuditResult = {
  ok: boolean;
  /** The audit_runs row of this run (null when not recorded). */
  runId: string | null;
  summary: TAuditSummary;
  /** The first failures, in ledger order (at most MAX_LISTED_FAILURES; summary.failures counts all). */
  failures: TAuditFailure[];
  /** The first failure as one sentence, or null. */
  firstFailure: string | null;
};

export type TAuditProgress = { phase: 'periods' | 'unsealed events' | 'checkpoints'; done: number; total: number };

export type TAuditOptions = {
  /**
   * Who asks, when a person does (the regulator console): they must hold
   * ledger:audit. The CLI, run by someone with database access, passes none.
   */
  actor?: TActor;
  /**
   * Verifier keys whose signatures count (C2SP form). Default: the key this
   * installation signs with. Pass the key published earlier (and, after a
   * rotation, the old keys too) to audit against what readers were given.
   */
  trustedKeys?: string[];
  /** Periods of at most this many events are also recomputed with merkletreejs (default 100,000). */
  crossCheckMaxLeaves?: number;
  /** Events read per query (default 5,000). */
  batchSize?: number;
  onProgress?: (progress: TAuditProgress) => void;
  /** Record the run in audit_runs (default true). */
  record?: boolean;
};

export const MAX_LISTED_FAILURES = 100;

export function describeFailure(failure: TAuditFailure): string {
  return `${failure.subject}: ${failure.problem}`;
}

/** Collects failures in the order found; keeps the first ones, counts them all. */
export class AuditFailures {
  readonly listed: TAuditFailure[] = [];
  count = 0;

  add(kind: TAuditFailure['kind'], subject: string, problem: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_FAILURES) this.listed.push({ kind, subject, problem });
  }
}
