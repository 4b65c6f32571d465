import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { createTestBatch, createTestParty, packCode, type TTestOrg } from './fixtures';

/**
 * A small network for custody tests: a manufacturer with a batch of
 * commissioned packs, a second manufacturer, two distributors, two
 * pharmacies and the regulator.
 */
export type TTestNetwork = {
  maker: TTestOrg;
  maker2: TTestOrg;
  dist: TTestOrg;
  dist2: TTestOrg;
  pharmacy: TTestOrg;
  pharmacy2: TTestOrg;
  regulator: TTestOrg;
  batch: { gtin: string; batchId: string; lot: string; expiry: string };
  serials: string[];
  /** The code printed on pack i (bracketed, with lot and expiry). */
  code: (i: number, override?: { lot?: string; expiry?: string }) => string;
};

export async function createTestNetwork(packs = 30): Promise<TTestNetwork> {
  const [maker, maker2, dist, dist2, pharmacy, pharmacy2, regulator] = await Promise.all(
    (['MANUFACTURER', 'MANUFACTURER', 'DISTRIBUTOR', 'DISTRIBUTOR', 'PHARMACY', 'PHARMACY', 'REGULATOR'] as const).map((role) => createTestParty(role)),
  );
  const batch = await createTestBatch(maker!);
  const { serials } = await commissionBatch(maker!.actor, batch.batchId, { count: packs });
  return {
    maker: maker!,
    maker2: maker2!,
    dist: dist!,
    dist2: dist2!,
    pharmacy: pharmacy!,
    pharmacy2: pharmacy2!,
    regulator: regulator!,
    batch,
    serials,
    code: (i, override) => packCode(batch, serials[i]!, override),
  };
}

/** Rows of a table, for "nothing changed" assertions. */
export async function snapshot(): Promise<{ events: number; epcs: number; packs: string }> {
  const { rows } = await getPool().query<{ events: string; epcs: string; packs: string }>(
    `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_epcs) AS epcs,
            (SELECT md5(string_agg(gtin || serial || status || coalesce(custodian_org_id::text, '') || coalesce(in_transit_to_id::text, '') || coalesce(container_sscc, ''), ',' ORDER BY gtin, serial)) FROM packs) AS packs`,
  );
  const row = rows[0]!;
  return { events: Number(row.events), epcs: Number(row.epcs), packs: row.packs };
}

export async function alertsFor(subject: string): Promise<{ code: string; severity: string; count: number; visible_to: string[]; raised_by_org_id: string | null; event_ids: string[] }[]> {
  const { rows } = await getPool().query('SELECT code, severity, count, visible_to, raised_by_org_id, event_ids FROM alerts WHERE subject = $1 ORDER BY first_seen_at', [subject]);
  return rows;
}
