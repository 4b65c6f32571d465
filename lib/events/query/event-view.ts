import type { TReadScope } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db';
import type { TPublicRecord } from '../build/ledger-records';
import { classifyEvent } from '../kinds';
import type { TEventKind } from '../types';

/**
 * One event as a reader sees it. The public record (the ledger's leaf data,
 * exactly as hashed: `publicRecordText`) is shown to whoever may see the
 * pack, case or batch; the private record (the EPCIS event, the recorder)
 * only to the organisations in its party_ids and to the regulator, who can
 * check it against `publicRecord.privateDigest` with `salt`.
 */
export type TEventView = {
  id: string;
  eventId: string;
  recordTime: string;
  kind: TEventKind | null;
  /** The case or pallet through which this event concerns the subject (null: it names the subject itself). */
  via: string | null;
  publicRecord: TPublicRecord;
  publicRecordText: string;
  /** SHA-256(0x00 || publicRecordText), hex: the leaf hash a proof bundle proves. */
  leafHash: string;
  privateRecord: Record<string, unknown> | null;
  /** Hex of the 16-byte salt, with the private record only. */
  salt: string | null;
};

type TEventRow = {
  id: string;
  event_id: string;
  record_time: Date;
  event_type: string;
  action: string | null;
  biz_step: string | null;
  disposition: string | null;
  public_record: string;
  leaf_hash: Buffer;
  party_ids: string[];
  private_record: Record<string, unknown> | null;
  salt: Buffer | null;
};

/** The events with these ids, oldest first, private parts only where the reader may see them. */
export async function loadEventViews(db: Queryable, ids: readonly string[], scope: TReadScope, via: ReadonlyMap<string, string> = new Map()): Promise<TEventView[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<TEventRow>(
    `SELECT id::text, event_id, record_time, event_type, action, biz_step, disposition, public_record, leaf_hash, party_ids,
            CASE WHEN $2::uuid IS NULL OR $2::uuid = ANY(party_ids) THEN private_record END AS private_record,
            CASE WHEN $2::uuid IS NULL OR $2::uuid = ANY(party_ids) THEN salt END AS salt
       FROM events WHERE id = ANY($1::bigint[]) ORDER BY events.id`,
    [ids, scope.all ? null : scope.orgId],
  );
  // The case an event reached the pack through names that case's packer: the event's parties and the
  // regulator see it, and so does anyone who took part in another event of the same case (they know it).
  const mine = (row: TEventRow) => scope.all || row.party_ids.includes(scope.orgId);
  const knownCases = new Set(rows.filter(mine).flatMap((row) => via.get(row.id) ?? []));
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    recordTime: row.record_time.toISOString(),
    kind: kindOfRow(row),
    via: mine(row) || knownCases.has(via.get(row.id) ?? '') ? (via.get(row.id) ?? null) : null,
    publicRecord: JSON.parse(row.public_record) as TPublicRecord,
    publicRecordText: row.public_record,
    leafHash: row.leaf_hash.toString('hex'),
    privateRecord: row.private_record,
    salt: row.salt ? row.salt.toString('hex') : null,
  }));
}

/** The custody meaning of a stored event (an error declaration is stored under an ID marked "&declaration="). */
export function kindOfRow(row: { event_id: string; event_type: string; action: string | null; biz_step: string | null; disposition: string | null }): TEventKind {
  return classifyEvent({
    type: row.event_type as never,
    action: row.action as never,
    bizStep: row.biz_step,
    disposition: row.disposition,
    errorDeclaration: row.event_id.includes('&declaration=') ? { declarationTime: '', reason: null, correctiveEventIds: [] } : null,
  });
}
