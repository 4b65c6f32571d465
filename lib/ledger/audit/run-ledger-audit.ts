import type pg from 'pg';
import { assertCan } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { getPool } from '@/lib/db';
import { parseVerifierKey } from '@/lib/verify';
import { createAuditContext, type TAuditContext } from './audit-context';
import { auditCheckpoints } from './audit-checkpoints';
import { auditPeriods } from './audit-periods';
import { auditEventRecord } from './audit-sealed-leaf';
import { describeFailure, type TAuditOptions, type TAuditSummary, type TLedgerAuditResult } from './audit-types';
import { publishedVerifierKey } from './published-verifier-key';
import { finishAuditRun, startAuditRun } from './record-audit-run';

const DEFAULT_CROSS_CHECK_MAX_LEAVES = 100_000;
const DEFAULT_BATCH_SIZE = 5_000;

async function readTotals(db: pg.PoolClient): Promise<TAuditContext['totals']> {
  const { rows } = await db.query<TAuditContext['totals']>(
    'SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM anchors) AS anchors, (SELECT count(*)::int FROM checkpoints) AS checkpoints',
  );
  return rows[0]!;
}

/** Events after the last sealed one: not sealed yet, so only checked against themselves. */
async function auditUnsealedEvents(ctx: TAuditContext): Promise<number> {
  let unsealed = 0;
  for (let event = await ctx.events.peek(); event; event = await ctx.events.peek()) {
    ctx.events.advance();
    auditEventRecord(ctx, event);
    if (++unsealed % 1024 === 0) ctx.progress('unsealed events', ctx.counts.events, ctx.totals.events);
  }
  return unsealed;
}

function summarise(ctx: TAuditContext, unsealed: number, started: number): TAuditSummary {
  const { events, sealedEvents, anchors, chunks, checkpoints, periodsCrossChecked } = ctx.counts;
  return { events, sealedEvents, unsealedEvents: unsealed, anchors, chunks, checkpoints, periodsCrossChecked, failures: ctx.failures.count, durationMs: Math.round(performance.now() - started) };
}

/** All checks over one consistent snapshot of the ledger tables (REPEATABLE READ, read only), so seals running meanwhile cannot look like damage. */
async function auditSnapshot(options: TAuditOptions, started: number, onStart: () => Promise<void>): Promise<Omit<TLedgerAuditResult, 'runId'>> {
  const trustedKeys = (options.trustedKeys ?? [await publishedVerifierKey()]).map((key) => parseVerifierKey(key));
  const client = await getPool().connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (options.actor) await takeUserAuditLock(client);
    await onStart();
    const ctx = createAuditContext(client, {
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      crossCheckMaxLeaves: options.crossCheckMaxLeaves ?? DEFAULT_CROSS_CHECK_MAX_LEAVES,
      progress: (phase, done, total) => options.onProgress?.({ phase, done, total }),
      totals: await readTotals(client),
    });
    await auditPeriods(ctx);
    const unsealed = await auditUnsealedEvents(ctx);
    await auditCheckpoints(ctx, trustedKeys);
    await client.query('COMMIT');
    const first = ctx.failures.listed[0];
    return { ok: ctx.failures.count === 0, summary: summarise(ctx, unsealed, started), failures: ctx.failures.listed, firstFailure: first ? describeFailure(first) : null };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** Any value: the lock that lets one user-requested audit run at a time across every instance. */
const USER_AUDIT_LOCK = 0x70_61_75_64; // 'paud'

/**
 * Audits asked for by a user (the regulator's console, with an actor) run
 * one at a time: each reads the whole ledger on a pooled connection, and a
 * user must not be able to tie the database up with many. The command-line
 * audit (no actor) is the operator's and is not limited.
 */
async function takeUserAuditLock(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [USER_AUDIT_LOCK]);
  if (!rows[0]?.locked) throw new AppError('ledger_audit_running', 'An audit is already running. Its result appears here when it finishes; run it again after that.');
}

/**
 * The ledger audit (docs/decisions/037): recomputes every event's leaf and
 * private digest from its stored record, every chunk and period root (also
 * with merkletreejs for periods up to crossCheckMaxLeaves), checks that the
 * sealed leaves and the events table match one for one, walks the anchor
 * chain, and holds every checkpoint against the anchor log and the trusted
 * key. Streams through the tables in batches. Each run is recorded in
 * audit_runs, also when it cannot finish.
 */
export async function runLedgerAudit(options: TAuditOptions = {}): Promise<TLedgerAuditResult> {
  if (options.actor) assertCan(options.actor, 'ledger:audit');
  const started = performance.now();
  let runId: string | null = null;
  try {
    const result = await auditSnapshot(options, started, async () => {
      if (options.record !== false) runId = await startAuditRun(getPool());
    });
    if (runId) await finishAuditRun(getPool(), runId, result);
    return { ...result, runId };
  } catch (error) {
    const reason = `the audit could not finish: ${error instanceof Error ? error.message : String(error)}`;
    if (runId) await finishAuditRun(getPool(), runId, { ok: false, summary: { error: reason }, firstFailure: reason }).catch(() => undefined);
    throw error;
  }
}
