import { kindOfRow } from '@/lib/events/query/event-view';
import type { TJourneyStep } from './types';

/**
 * The public journey of a pack, in one statement: the events naming it and,
 * for every case or pallet it was packed in, that container's events from
 * the packing up to the event that took it out, the same history the
 * events service computes (lib/events historyOf, docs/decisions/054), in
 * the order of the ledger (event ids). Only public records are read: they
 * name manufacturers, and distributors and pharmacies only by role and
 * country (docs/decisions/052), so the journey leaks no trading relation;
 * the code of a case a trader packed is withheld too, since its SSCC starts
 * with the trader's company prefix.
 *
 * A stay in a container ends at the first of: an aggregation naming the
 * pack as child again (unpacked, or packed elsewhere); for a pack, the
 * event that ended its life (dispensed, destroyed, stolen: those take it
 * out of its case); an unpacking of the whole container (no children
 * named); the end of the enclosing stay. That end event is included.
 */
const LEAVES_LIFE = `e3.event_type = 'ObjectEvent' AND position('&declaration=' in e3.event_id) = 0 AND (e3.action = 'DELETE' OR (e3.action = 'OBSERVE'
  AND (e3.disposition IN ('dispensed', 'destroyed', 'disposed', 'stolen')
       OR ((e3.disposition IS NULL OR e3.disposition NOT IN ('recalled', 'expired', 'returned', 'in_transit')) AND e3.biz_step IN ('dispensing', 'destroying', 'decommissioning')))))`;

/**
 * The journey as two CTEs (`stays`, then `journey`: one row per event and
 * pack, oldest first by id) for every pack of the relation `targets`
 * (columns n: the pack's number in the statement, key: its canonical key),
 * so that one statement reads the journeys of a batch of packs
 * (read-pack-verdict.ts). Rows of `journey` carry their pack's n.
 */
export function journeyCtes(targets: string): string {
  return `stays(n, root, key, via, after_id, before_id, depth) AS (
    SELECT t.n, t.key, t.key, NULL::text, 0::bigint, NULL::bigint, 0 FROM ${targets} t
    UNION ALL
    SELECT s.n, s.root, par.epc, par.epc, pk.id,
           LEAST(
             (SELECT min(e2.id) FROM event_epcs c2 JOIN events e2 ON e2.id = c2.event_id
               WHERE c2.epc = s.key AND c2.role = 'child' AND e2.event_type = 'AggregationEvent' AND e2.action IN ('ADD', 'DELETE')
                 AND position('&declaration=' in e2.event_id) = 0 AND e2.id > pk.id),
             CASE WHEN s.key LIKE '01/%' THEN (SELECT min(e3.id) FROM event_epcs c3 JOIN events e3 ON e3.id = c3.event_id
               WHERE c3.epc = s.key AND e3.id > pk.id AND ${LEAVES_LIFE}) END,
             (SELECT min(e4.id) FROM event_epcs c4 JOIN events e4 ON e4.id = c4.event_id
               WHERE c4.epc = par.epc AND c4.role = 'parent' AND e4.event_type = 'AggregationEvent' AND e4.action = 'DELETE' AND e4.id > pk.id
                 AND position('&declaration=' in e4.event_id) = 0
                 AND NOT EXISTS (SELECT 1 FROM event_epcs c5 WHERE c5.event_id = e4.id AND c5.role = 'child')),
             s.before_id - 1
           ) + 1,
           s.depth + 1
      FROM stays s
      JOIN event_epcs ch ON ch.epc = s.key AND ch.role = 'child'
      JOIN events pk ON pk.id = ch.event_id AND pk.event_type = 'AggregationEvent' AND pk.action = 'ADD' AND position('&declaration=' in pk.event_id) = 0
      JOIN event_epcs par ON par.event_id = pk.id AND par.role = 'parent'
     WHERE pk.id > s.after_id AND (s.before_id IS NULL OR pk.id < s.before_id) AND s.depth < 8
  ),
  journey AS (
    SELECT DISTINCT ON (s.n, e.id) s.n, e.id, e.event_id, e.event_type, e.action, e.biz_step, e.disposition, e.public_record, s.via, s.key AS named_key,
           (s.via IS NULL OR EXISTS (SELECT 1 FROM containers c JOIN products pr2 ON pr2.owner_org_id = c.owner_org_id
                                      WHERE c.sscc = substr(s.via, 4) AND pr2.gtin = substr(s.root, 4, 14))) AS via_public
      FROM stays s
      JOIN event_epcs x ON x.epc = s.key
      JOIN events e ON e.id = x.event_id
     WHERE e.id > s.after_id AND (s.before_id IS NULL OR e.id < s.before_id)
     ORDER BY s.n, e.id, s.depth
  )`;
}

/** One row of the `journey` CTE, as the verdict's statement reads it. */
export type TJourneyRow = {
  event_id: string;
  event_type: string;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  public_record: string;
  via: string | null;
  named_key: string;
  /** The case is the manufacturer's own (its SSCC names nobody else); false for a trader's case. */
  via_public: boolean;
};

type TRecord = { bizStep: string | null; disposition: string | null; eventTime: string; eventTimeZoneOffset: string; recordTime: string; actor: { role: string; country: string; name?: string } };

export function journeyStepOf(row: TJourneyRow): TJourneyStep {
  const record = JSON.parse(row.public_record) as TRecord;
  const { role, country, name } = record.actor;
  // A trader's case code carries the trader's GS1 company prefix, which names it: withheld (docs/decisions/060).
  const withheld = row.via !== null && !row.via_public;
  return {
    eventId: row.event_id,
    step: kindOfRow(row) ?? 'observe',
    namedKey: withheld ? null : row.named_key,
    via: withheld ? null : row.via,
    throughCase: row.via !== null,
    bizStep: record.bizStep,
    disposition: record.disposition,
    eventTime: record.eventTime,
    eventTimeZoneOffset: record.eventTimeZoneOffset,
    recordTime: record.recordTime,
    actor: name === undefined ? { role, country } : { role, country, name },
  };
}
