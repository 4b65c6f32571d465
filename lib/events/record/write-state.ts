import type { Queryable } from '@/lib/db';
import type { TContainerState, TPackState } from '../types';
import { copyFrom, copyText } from './copy-from';
import { EPC_CHUNK } from './write-events';
import type { TWorld } from './world';

/**
 * Writes the request's final state back: new cases, changed cases, new
 * packs (COPY), changed packs (one UPDATE over arrays), and whole-batch
 * recalls. Each row is written once, however many events of the request
 * touched it. The first statement is sent before this function first
 * yields, so the caller's work overlaps it (docs/decisions/053).
 */
export async function writeState(tx: Queryable, world: TWorld, recordTime: string, onRows?: (written: number) => void): Promise<void> {
  const containers = [...world.containers.values()];
  const packs = [...world.packs.values()];
  const steps: (() => Promise<void>)[] = [];
  const newContainers = containers.filter((c) => c.change === 'new');
  const changedContainers = containers.filter((c) => c.change === 'changed');
  const newPacks = packs.filter((p) => p.change === 'new');
  const changedPacks = packs.filter((p) => p.change === 'changed');
  if (newContainers.length > 0) steps.push(() => insertContainers(tx, newContainers, recordTime));
  if (changedContainers.length > 0) steps.push(() => updateContainers(tx, changedContainers, recordTime));
  if (newPacks.length > 0) steps.push(() => insertPacks(tx, newPacks, recordTime, onRows));
  if (changedPacks.length > 0) steps.push(() => updatePacks(tx, changedPacks, recordTime));
  if (world.recalledBatchIds.size > 0) steps.push(() => recallBatches(tx, [...world.recalledBatchIds], recordTime));
  for (const step of steps) await step();
}

async function insertContainers(tx: Queryable, rows: TContainerState[], at: string): Promise<void> {
  await tx.query(
    `INSERT INTO containers (sscc, owner_org_id, custodian_org_id, in_transit_to_id, parent_sscc, status, created_at, updated_at)
     SELECT c.sscc, c.owner::uuid, c.custodian::uuid, c.transit::uuid, c.parent, c.status::container_status, $1::timestamptz, $1::timestamptz
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS c(sscc, owner, custodian, transit, parent, status)`,
    [at, ...containerColumns(rows, (c) => c.ownerOrgId)],
  );
}

async function updateContainers(tx: Queryable, rows: TContainerState[], at: string): Promise<void> {
  await tx.query(
    `UPDATE containers t SET custodian_org_id = c.custodian::uuid, in_transit_to_id = c.transit::uuid, parent_sscc = c.parent,
            status = c.status::container_status, updated_at = $1::timestamptz
       FROM unnest($2::bpchar[], $3::text[], $4::text[], $5::text[], $6::bpchar[], $7::text[]) AS c(sscc, owner, custodian, transit, parent, status)
      WHERE t.sscc = c.sscc`,
    [at, ...containerColumns(rows, (c) => c.ownerOrgId)],
  );
}

function containerColumns(rows: TContainerState[], owner: (c: TContainerState) => string): unknown[] {
  return [rows.map((c) => c.sscc), rows.map(owner), rows.map((c) => c.custodianOrgId), rows.map((c) => c.inTransitToId), rows.map((c) => c.parentSscc), rows.map((c) => c.status)];
}

const PACK_COLUMNS = ['gtin', 'serial', 'batch_id', 'status', 'custodian_org_id', 'in_transit_to_id', 'container_sscc', 'commissioned_at', 'updated_at', 'dispensed_at', 'dispensed_by_id'];

/** New packs go in with COPY (copy-from.ts), 25,000 rows a statement so that progress can be reported. */
async function insertPacks(tx: Queryable, rows: TPackState[], at: string, onRows?: (written: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += EPC_CHUNK) {
    const lines = rows.slice(start, start + EPC_CHUNK).map(
      (p) =>
        `${p.gtin}\t${copyText(p.serial)}\t${p.batch.id}\t${p.status}\t${copyText(p.custodianOrgId)}\t${copyText(p.inTransitToId)}\t${copyText(p.containerSscc)}\t${p.commissionedAt ?? at}\t${at}\t${copyText(p.dispensedAt)}\t${copyText(p.dispensedById)}\n`,
    );
    await copyFrom(tx, 'packs', PACK_COLUMNS, lines);
    onRows?.(lines.length);
  }
}

async function updatePacks(tx: Queryable, rows: TPackState[], at: string): Promise<void> {
  const col = <T>(pick: (p: TPackState) => T) => rows.map(pick);
  await tx.query({
    name: 'events-update-packs',
    text: `UPDATE packs t SET status = u.status::pack_status, custodian_org_id = u.custodian::uuid, in_transit_to_id = u.transit::uuid,
            container_sscc = u.container, dispensed_at = u.dispensed_at::timestamptz, dispensed_by_id = u.dispensed_by::uuid, updated_at = $1::timestamptz
       FROM unnest($2::bpchar[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bpchar[], $8::text[], $9::text[])
         AS u(gtin, serial, status, custodian, transit, container, dispensed_at, dispensed_by)
      WHERE t.gtin = u.gtin AND t.serial = u.serial`,
    values: [at, col((p) => p.gtin), col((p) => p.serial), col((p) => p.status), col((p) => p.custodianOrgId), col((p) => p.inTransitToId), col((p) => p.containerSscc), col((p) => p.dispensedAt), col((p) => p.dispensedById)],
  });
}

/** A whole-batch recall: the batch, and every pack of it still on the market, in SQL (a batch may hold 100,000 packs). */
async function recallBatches(tx: Queryable, batchIds: string[], at: string): Promise<void> {
  await tx.query(`UPDATE batches SET status = 'RECALLED' WHERE id = ANY($1::uuid[]) AND status <> 'RECALLED'`, [batchIds]);
  await tx.query(
    `UPDATE packs SET status = 'RECALLED', updated_at = $2::timestamptz WHERE batch_id = ANY($1::uuid[]) AND status IN ('ACTIVE', 'EXPIRED')`,
    [batchIds, at],
  );
}
