import { getPool } from '@/lib/db';

export type TSealStatus = { sealed: true; anchorSeq: number; sealedAt: string } | { sealed: false };

/**
 * Whether each event (ledger id) is sealed yet, and in which period: the
 * anchor whose event range holds it. Sealed events have a proof bundle
 * (GET /api/v1/proofs/{eventId}); others wait for the next seal.
 */
export async function sealStatusOf(ids: readonly string[]): Promise<Map<string, TSealStatus>> {
  const out = new Map<string, TSealStatus>();
  if (ids.length === 0) return out;
  const { rows } = await getPool().query<{ id: string; seq: number | null; sealed_at: Date | null }>(
    `SELECT e.id::text AS id, a.seq, a.sealed_at FROM unnest($1::bigint[]) AS e(id)
       LEFT JOIN anchors a ON e.id BETWEEN a.first_event_id AND a.last_event_id`,
    [ids],
  );
  for (const r of rows) out.set(r.id, r.seq === null || r.sealed_at === null ? { sealed: false } : { sealed: true, anchorSeq: r.seq, sealedAt: r.sealed_at.toISOString() });
  return out;
}
