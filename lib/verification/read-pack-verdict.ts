import type { Queryable } from '@/lib/db';
import type { TStoredPack } from './decide-verdict';
import { journeyCtes, journeyStepOf, type TJourneyRow } from './read-journey';
import { PACK_STATE_FROM, PACK_STATE_SELECT, packStateOf, type TPackStateRow } from './read-pack-state';
import type { TJourneyStep } from './types';

/**
 * Everything a public pack verdict reads, in ONE statement on the hot
 * path (docs/decisions/061): the pack's state (product, maker, pack, batch,
 * recall: primary-key and indexed lookups) and its journey (the recursive
 * walk over event_epcs of read-journey.ts, aggregated to one JSON column).
 * One round trip and one pooled connection per lookup; a prepared
 * statement, so it is planned once per connection and reused.
 */
const STATEMENT = {
  name: 'verification-pack-verdict',
  text: `WITH RECURSIVE ${journeyCtes(3)}
         ${PACK_STATE_SELECT},
                (SELECT json_agg(json_build_object('event_id', j.event_id, 'event_type', j.event_type, 'action', j.action, 'biz_step', j.biz_step,
                                                   'disposition', j.disposition, 'public_record', j.public_record, 'via', j.via, 'named_key', j.named_key,
                                                   'via_public', j.via_public) ORDER BY j.id)
                   FROM journey j) AS journey
         ${PACK_STATE_FROM}`,
};

export type TPackVerdictState = { stored: TStoredPack | null; journey: TJourneyStep[] };

/** requires: `key` is the canonical key of (gtin, serial). */
export async function readPackVerdictState(db: Queryable, gtin: string, serial: string, key: string): Promise<TPackVerdictState> {
  const { rows } = await db.query<TPackStateRow & { journey: TJourneyRow[] | null }>({ ...STATEMENT, values: [gtin, serial, key] });
  const row = rows[0];
  if (!row) return { stored: null, journey: [] };
  return { stored: packStateOf(row), journey: (row.journey ?? []).map(journeyStepOf) };
}
