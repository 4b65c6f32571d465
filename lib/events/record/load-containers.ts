import type { Queryable } from '@/lib/db';
import type { TContainerState } from '../types';
import { containerKeyOf, setOf, type TWorld } from './world';

type TContainerRow = { sscc: string; owner_org_id: string; custodian_org_id: string | null; in_transit_to_id: string | null; parent_sscc: string | null; status: TContainerState['status'] };

/**
 * Locks the named containers, everything inside them and their ancestors
 * (for the cycle check), in SSCC order; returns the named ones and those
 * inside them, whose packs are loaded next.
 */
export async function loadContainers(tx: Queryable, named: string[], world: TWorld): Promise<string[]> {
  let locked = new Set<string>();
  const within = new Set<string>();
  let wanted = named;
  // Repeat until closed: a case packed into a locked pallet between the read and the lock is picked up here.
  for (let round = 0; round < 8 && wanted.length > 0; round++) {
    const { rows } = await tx.query<TContainerRow & { within: boolean }>(
      `WITH RECURSIVE down(sscc) AS (
         SELECT unnest($1::bpchar[])
         UNION SELECT c.sscc FROM containers c JOIN down ON c.parent_sscc = down.sscc
       ), up(sscc) AS (
         SELECT c.parent_sscc FROM containers c WHERE c.sscc = ANY($1::bpchar[]) AND c.parent_sscc IS NOT NULL
         UNION SELECT c.parent_sscc FROM containers c JOIN up ON c.sscc = up.sscc WHERE c.parent_sscc IS NOT NULL
       )
       SELECT sscc, owner_org_id, custodian_org_id, in_transit_to_id, parent_sscc, status, sscc IN (SELECT sscc FROM down) AS within
         FROM containers
        WHERE sscc IN (SELECT sscc FROM down UNION SELECT sscc FROM up) AND NOT (sscc = ANY($2::bpchar[]))
        ORDER BY sscc FOR UPDATE`,
      [wanted, [...locked]],
    );
    for (const row of rows) {
      addContainer(world, row);
      if (row.within) within.add(row.sscc);
    }
    locked = new Set(world.containers.keys());
    const { rows: strays } = await tx.query<{ sscc: string }>(
      'SELECT sscc FROM containers WHERE parent_sscc = ANY($1::bpchar[]) AND NOT (sscc = ANY($2::bpchar[]))',
      [[...within], [...locked]],
    );
    wanted = strays.map((r) => r.sscc);
    for (const sscc of wanted) within.add(sscc);
  }
  return [...within].filter((sscc) => world.containers.has(sscc));
}

function addContainer(world: TWorld, row: TContainerRow): void {
  world.containers.set(row.sscc, {
    key: containerKeyOf(row.sscc),
    sscc: row.sscc,
    ownerOrgId: row.owner_org_id,
    custodianOrgId: row.custodian_org_id,
    inTransitToId: row.in_transit_to_id,
    parentSscc: row.parent_sscc,
    status: row.status,
    change: 'loaded',
  });
  if (row.parent_sscc !== null) setOf(world.containersIn, row.parent_sscc).add(row.sscc);
}
