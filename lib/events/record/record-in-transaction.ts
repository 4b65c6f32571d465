import { randomBytes } from 'node:crypto';
import { raiseAlerts } from '@/lib/alerts';
import type { Queryable } from '@/lib/db';
import { eventFenceStatement } from '@/lib/ledger/fence';
import { buildLedgerRecords } from '../build/ledger-records';
import type { TCaptureEvent, TOrgRef, TProgressCallback, TRecordedEvent, TRecordResult } from '../types';
import { applyEvents, storedEventId, type TOutcome } from './apply-events';
import { loadState } from './load-state';
import { RefusedError } from './refused-error';
import { wantedBy } from './wanted';
import { afterSettling, isSmallWrite, writeEvents, type TEventRow } from './write-events';
import { writeState } from './write-state';
import { emptyWorld, type TStoredEvent, type TWorld } from './world';

export type TTransactionOptions = { captureId?: string | null; onProgress?: TProgressCallback };

/** What a recording transaction opens with (withTransaction's `opening`): the ledger fence, and generic plans for a small request. */
export function recordingOpening(events: readonly TCaptureEvent[]): string {
  return eventFenceStatement({ genericPlans: isSmallWrite(events.length, events.reduce((sum, e) => sum + e.input.epcs.length, 0)) });
}

/**
 * The body of one recording transaction: load and lock, rules, then bulk
 * writes. Throws RefusedError (nothing written; the caller rolls back and
 * raises the refusal's alerts afterwards).
 *
 * requires: `tx` was opened with recordingOpening(events) (the ledger fence).
 */
export async function recordInTransaction(tx: Queryable, recorder: TOrgRef, events: readonly TCaptureEvent[], options: TTransactionOptions = {}): Promise<TRecordResult> {
  const progress = options.onProgress;
  const world = emptyWorld(recorder);
  const eventIds = events.map(storedEventId);
  const declared = events.filter((e) => e.kind === 'declaration').map((e) => e.input.hashId);
  await loadState(tx, wantedBy(events), world);
  // After the locks: a concurrent duplicate that held them has committed by now, and is seen here.
  await loadStoredEvents(tx, [...new Set([...eventIds, ...declared])], world);
  progress?.({ stage: 'checking', fraction: 0.1 });
  const { outcomes, refusals } = applyEvents(world, events, eventIds);
  if (refusals.length > 0) throw new RefusedError(refusals);
  const recordTime = new Date().toISOString();
  const fresh = outcomes.filter((o): o is Extract<TOutcome, { duplicate: false }> => !o.duplicate);
  // The state is written while the records are computed (SQL on one core, hashing on the other);
  // the connection runs one statement at a time, so the events follow once the state is written.
  const onRows = writingProgress(progress, rowsToWrite(world, events, fresh));
  const stateWritten = writeState(tx, world, recordTime, onRows);
  const rows = await afterSettling(stateWritten, () => buildRows(events, fresh, recorder, recordTime));
  progress?.({ stage: 'writing', fraction: 0.2 });
  await stateWritten;
  const ids = rows.length > 0 ? await writeEvents(tx, rows, { orgId: recorder.id, recordTime, captureId: options.captureId ?? null, onRows }) : [];
  const idOf = new Map(rows.map((row, i) => [row.eventId, ids[i] as string]));
  await raiseAnomalies(tx, recorder, fresh, idOf);
  progress?.({ stage: 'done', fraction: 1 });
  return resultOf(events, outcomes, idOf, recordTime);
}

/** Identifier rows and new packs: what the bulk writes report progress in. */
function rowsToWrite(world: TWorld, events: readonly TCaptureEvent[], fresh: Extract<TOutcome, { duplicate: false }>[]): number {
  let rows = 0;
  for (const outcome of fresh) rows += (events[outcome.index] as TCaptureEvent).input.epcs.length;
  for (const pack of world.packs.values()) if (pack.change === 'new') rows++;
  return rows;
}

/** Progress of the bulk writes (new packs, identifier rows) as one rising fraction from 0.2 to 0.95. */
function writingProgress(progress: TProgressCallback | undefined, total: number): ((written: number) => void) | undefined {
  if (!progress || total === 0) return undefined;
  let written = 0;
  return (rows) => {
    written += rows;
    progress({ stage: 'writing', fraction: 0.2 + (0.75 * Math.min(written, total)) / total });
  };
}

function buildRows(events: readonly TCaptureEvent[], fresh: Extract<TOutcome, { duplicate: false }>[], recorder: TOrgRef, recordTime: string): TEventRow[] {
  const salts = randomBytes(16 * fresh.length);
  return fresh.map((outcome, i) => {
    const { input, documentJcs, recall } = events[outcome.index] as TCaptureEvent;
    const salt = salts.subarray(16 * i, 16 * i + 16);
    const records = buildLedgerRecords(input, { eventId: outcome.eventId, recordTime, batch: outcome.applied.batch, recorder, salt, documentJcs, recall });
    const parties = outcome.applied.parties;
    return { eventId: outcome.eventId, input, records, partyIds: parties.length === 0 ? [recorder.id] : [...new Set([recorder.id, ...parties])] };
  });
}

async function loadStoredEvents(tx: Queryable, eventIds: string[], world: TWorld): Promise<void> {
  const { rows } = await tx.query<{ event_id: string; id: string; org_id: string; party_ids: string[]; record_time: Date }>({
    name: 'events-load-stored',
    text: 'SELECT event_id, id::text, org_id, party_ids, record_time FROM events WHERE event_id = ANY($1::text[])',
    values: [eventIds],
  });
  for (const row of rows) world.storedEvents.set(row.event_id, { id: row.id, orgId: row.org_id, partyIds: row.party_ids, recordTime: row.record_time.toISOString() });
}

async function raiseAnomalies(tx: Queryable, recorder: TOrgRef, fresh: Extract<TOutcome, { duplicate: false }>[], idOf: Map<string, string>): Promise<void> {
  const alerts = fresh.flatMap((o) => o.applied.alerts.map((alert) => ({ ...alert, raisedByOrgId: recorder.id, eventIds: [idOf.get(o.eventId) as string] })));
  if (alerts.length > 0) await raiseAlerts(tx, alerts);
}

function resultOf(events: readonly TCaptureEvent[], outcomes: TOutcome[], idOf: Map<string, string>, recordTime: string): TRecordResult {
  const byIndex = new Map<number, TRecordedEvent>();
  for (const outcome of outcomes) {
    const kind = (events[outcome.index] as TCaptureEvent).kind;
    if (!outcome.duplicate) {
      byIndex.set(outcome.index, { index: outcome.index, eventId: outcome.eventId, id: idOf.get(outcome.eventId) as string, recordTime, kind, duplicate: false, alerts: outcome.applied.alerts.map((a) => a.code) });
      continue;
    }
    const stored = 'sameAs' in outcome.stored ? byIndex.get(outcome.stored.sameAs) : undefined;
    const original = stored ? { id: stored.id, recordTime: stored.recordTime } : (outcome.stored as TStoredEvent);
    byIndex.set(outcome.index, { index: outcome.index, eventId: outcome.eventId, id: original.id, recordTime: original.recordTime, kind, duplicate: true, alerts: [] });
  }
  const recorded = [...byIndex.values()].sort((a, b) => a.index - b.index);
  return { events: recorded, recorded: recorded.filter((e) => !e.duplicate).length, duplicates: recorded.filter((e) => e.duplicate).length };
}
