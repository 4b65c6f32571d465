import { getPool, type Queryable } from '@/lib/db';
import { BatchLoader } from '@/lib/db/batch-loader';
import type { TStoredPack } from './decide-verdict';
import { journeyCtes, journeyStepOf, type TJourneyRow } from './read-journey';
import { PACK_STATE_SELECT, packStateFrom, packStateOf, type TPackStateRow } from './read-pack-state';
import type { TJourneyStep } from './types';

/**
 * Everything a public pack verdict reads, in ONE statement on the hot
 * path (docs/decisions/061), for a batch of packs at once
 * (docs/decisions/094): each pack's state (product, maker, pack, batch,
 * recall: primary-key and indexed lookups) and its journey (the recursive
 * walk over event_epcs of read-journey.ts), one row per journey event (or
 * one row with no event), ordered by pack and ledger order. A prepared
 * statement, so it is planned once per connection and reused.
 */
const STATEMENT_NAME = 'verification-pack-verdicts';
const STATEMENT_TEXT = `WITH RECURSIVE targets AS (
    SELECT t.n::int AS n, t.gtin, t.serial, t.key FROM unnest($1::bpchar[], $2::varchar[], $3::text[]) WITH ORDINALITY AS t(gtin, serial, key, n)
  ), ${journeyCtes('targets')}
  SELECT t.n, st.*, j.event_id AS j_event_id, j.event_type AS j_event_type, j.action AS j_action, j.biz_step AS j_biz_step,
         j.disposition AS j_disposition, j.public_record AS j_public_record, j.via AS j_via, j.named_key AS j_named_key, j.via_public AS j_via_public
    FROM targets t
    LEFT JOIN LATERAL (${PACK_STATE_SELECT} ${packStateFrom('t.gtin', 't.serial')}) st ON true
    LEFT JOIN journey j ON j.n = t.n AND st.gtin IS NOT NULL
   ORDER BY t.n, j.id`;

type TVerdictRow = { n: number } & { [K in keyof TPackStateRow]: TPackStateRow[K] | null } & {
  j_event_id: string | null;
  j_event_type: string;
  j_action: string | null;
  j_biz_step: string | null;
  j_disposition: string | null;
  j_public_record: string;
  j_via: string | null;
  j_named_key: string;
  j_via_public: boolean;
};

export type TPackRef = { gtin: string; serial: string; key: string };

export type TPackVerdictState = { stored: TStoredPack | null; journey: TJourneyStep[] };

/**
 * requires: each `key` is the canonical key of its (gtin, serial).
 * One answer per pack, in order; a GTIN no manufacturer registered: stored null, no journey.
 */
export async function readPackVerdictStates(db: Queryable, packs: readonly TPackRef[]): Promise<TPackVerdictState[]> {
  if (packs.length === 0) return [];
  const { rows } = await db.query<TVerdictRow>({
    name: STATEMENT_NAME,
    text: STATEMENT_TEXT,
    values: [packs.map((p) => p.gtin), packs.map((p) => p.serial), packs.map((p) => p.key)],
  });
  const states: TPackVerdictState[] = packs.map(() => ({ stored: null, journey: [] }));
  for (const row of rows) {
    const state = states[row.n - 1]!;
    if (row.gtin === null) continue;
    if (!state.stored) state.stored = packStateOf(row as TPackStateRow);
    if (row.j_event_id !== null) state.journey.push(journeyStepOf(journeyRowOf(row)));
  }
  return states;
}

function journeyRowOf(row: TVerdictRow): TJourneyRow {
  return {
    event_id: row.j_event_id!,
    event_type: row.j_event_type,
    action: row.j_action,
    biz_step: row.j_biz_step,
    disposition: row.j_disposition,
    public_record: row.j_public_record,
    via: row.j_via,
    named_key: row.j_named_key,
    via_public: row.j_via_public,
  };
}

/**
 * At most 2 verdict statements at once (a 2-core database is saturated by
 * fewer), each for up to 32 packs: under load, lookups waiting for a slot
 * share the next statement.
 */
export const VERDICT_BATCH = { maxBatch: 32, maxInFlight: 2 };

let loader: BatchLoader<TPackRef, TPackVerdictState> | null = null;

/** The verdict state of one pack, read with whatever other lookups are waiting (BatchLoader). */
export function loadPackVerdictState(pack: TPackRef): Promise<TPackVerdictState> {
  loader ??= new BatchLoader((packs) => readPackVerdictStates(getPool(), packs), VERDICT_BATCH);
  return loader.get({ gtin: pack.gtin, serial: pack.serial, key: pack.key });
}
