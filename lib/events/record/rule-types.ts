import type { TAlertInput } from '@/lib/alerts';
import type { TErrorCode } from '@/lib/errors';
import type { TBatchRef } from '../build/ledger-records';
import type { TBatchFacts, TCaptureEvent, TPackState } from '../types';
import type { TWorld } from './world';

/** An alert before it knows its raiser and events (filled in by recordEvents). */
export type TAlertDraft = Omit<TAlertInput, 'raisedByOrgId' | 'eventIds'>;

export type TRefusal = {
  index: number;
  code: TErrorCode;
  detail: string;
  /** The identifier the refusal is about. */
  key?: string;
  /** Raised in its own transaction after the refused request rolled back, so it survives the refusal. */
  alert?: TAlertDraft;
};

/** What applying an event did, beyond the state changes themselves. */
export type TApplied = {
  /** Organisations (besides the recorder) that may read the private record. */
  parties: string[];
  batch: TBatchRef | null;
  /** Anomalies recorded rather than refused. */
  alerts: TAlertDraft[];
};

export type TRuleResult = { ok: false; refusals: TRefusal[] } | { ok: true; apply: () => TApplied };

export type TEventContext = {
  index: number;
  event: TCaptureEvent;
  world: TWorld;
  /** The event's local calendar date (eventTime shifted by its offset), for expiry; computed on first use. */
  localDate: () => string;
  /** Lot and expiry scanned with each pack key. */
  facts: ReadonlyMap<string, TBatchFacts>;
};

export type TRule = (ctx: TEventContext) => TRuleResult;

export const applied = (partial: Partial<TApplied> = {}): TApplied => ({ parties: [], batch: null, alerts: [], ...partial });

export function refuse(refusals: TRefusal[]): TRuleResult {
  return { ok: false, refusals };
}

/** The packs' owner and current holder see alerts about a pack, besides the organisation that scanned it. */
export function packAlertAudience(ctx: TEventContext, pack: TPackState | undefined): string[] {
  const audience = new Set([ctx.world.recorder.id]);
  if (pack) {
    audience.add(pack.batch.ownerOrgId);
    if (pack.custodianOrgId) audience.add(pack.custodianOrgId);
  }
  return [...audience];
}
