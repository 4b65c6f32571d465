import { getPool } from '@/lib/db';
import { caseCode, scan, testSscc } from '@/lib/events/testing/fixtures';
import type { TTestNetwork } from '@/lib/events/testing/network';

/**
 * Pack journeys for the verification tests, recorded through the scan
 * service as production records them: each helper moves pack i of the test
 * network one stage further.
 */
export const packKey = (n: TTestNetwork, i: number) => `01/${n.batch.gtin}/21/${n.serials[i]}`;

/** Packed into a case by the manufacturer, shipped as a case, received and unpacked by the distributor, shipped on loose, received by the pharmacy. */
export async function throughCaseToPharmacy(n: TTestNetwork, i: number, pharmacy = n.pharmacy): Promise<string> {
  const sscc = testSscc(n.maker.prefix);
  await scan(n.maker, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(i)] }, { kind: 'ship', codes: [caseCode(sscc)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [caseCode(sscc)] }, { kind: 'unpack', parent: caseCode(sscc) });
  await scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: pharmacy.gln });
  await scan(pharmacy, { kind: 'receive', codes: [n.code(i)] });
  return sscc;
}

/** Shipped loose from the manufacturer to the distributor and on to the pharmacy. */
export async function toPharmacy(n: TTestNetwork, i: number, pharmacy = n.pharmacy): Promise<void> {
  await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [n.code(i)] });
  await scan(n.dist, { kind: 'ship', codes: [n.code(i)], to: pharmacy.gln });
  await scan(pharmacy, { kind: 'receive', codes: [n.code(i)] });
}

/**
 * A recall as the recalls service stores it (lib/recalls keeps reason and
 * class in `recalls` and points recalled packs at it): the row, and the
 * packs' recall_id. `serials` empty recalls the whole batch.
 */
export async function insertRecall(n: TTestNetwork, options: { serials?: string[]; reason?: string; recallClass?: 'I' | 'II' | 'III'; status?: 'OPEN' | 'CLOSED' } = {}): Promise<string> {
  const serials = options.serials ?? [];
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO recalls (batch_id, serials, reason, class, status, initiated_by_org) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [n.batch.batchId, serials, options.reason ?? 'Particles found in the solution', options.recallClass ?? 'II', options.status ?? 'OPEN', n.maker.id],
  );
  const id = rows[0]!.id;
  await getPool().query(`UPDATE packs SET recall_id = $1 WHERE batch_id = $2 AND (cardinality($3::text[]) = 0 OR serial = ANY($3::text[]))`, [id, n.batch.batchId, serials]);
  return id;
}
