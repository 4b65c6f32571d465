import type { Queryable } from '@/lib/db';
import { percentEncode } from '@/lib/gs1/percent-encoding';
import type { TBatchState, TOrgRef, TPackState } from '../types';
import { loadContainers } from './load-containers';
import { batchId, setOf, type TWorld } from './world';

/**
 * Loads and locks, in a handful of statements, everything the events of
 * one request can touch: the named containers with everything inside them
 * (and their ancestors, for the cycle check), the named packs and the packs
 * inside those containers, the batches and products commissioning and
 * recalls refer to, and the organisations named by GLN.
 *
 * Rows are locked FOR UPDATE in key order (containers, then packs), so
 * concurrent requests queue behind each other instead of deciding on stale
 * state; the few deadlocks left (a case's contents grew between reading and
 * locking) are retried by recordEvents.
 */
export type TWanted = {
  packs: { gtins: string[]; serials: string[] };
  ssccs: string[];
  batches: { gtins: string[]; lots: string[] };
  gtins: string[];
  glns: string[];
};

export async function loadState(tx: Queryable, wanted: TWanted, world: TWorld): Promise<void> {
  // Packs inside the named containers (not those of their ancestors, which only the cycle check needs).
  const ssccs = wanted.ssccs.length > 0 ? await loadContainers(tx, wanted.ssccs, world) : [];
  if (wanted.packs.gtins.length > 0 || ssccs.length > 0) await loadPacks(tx, wanted.packs, ssccs, world);
  if (wanted.batches.gtins.length > 0) await loadBatches(tx, wanted.batches, world);
  // A loaded batch names its product's owner; only products no loaded batch names are read.
  for (const batch of world.batches.values()) world.productOwners.set(batch.gtin, batch.ownerOrgId);
  const unknownProducts = wanted.gtins.filter((gtin) => !world.productOwners.has(gtin));
  if (unknownProducts.length > 0) await loadProducts(tx, unknownProducts, world);
  if (wanted.glns.length > 0) await loadOrgs(tx, wanted.glns, world);
}

/** Columns of a pack row, read as arrays (rowMode 'array'): a thousand rows a request, so every column and object counts. */
type TPackRow = [
  gtin: string,
  serial: string,
  batchId: string,
  status: TPackState['status'],
  custodian: string | null,
  transit: string | null,
  container: string | null,
  dispensedAt: string | null,
  dispensedBy: string | null,
  recallId: string | null,
  batchGtin: string,
  lot: string,
  expiry: string,
  batchStatus: string,
  ownerOrgId: string,
];

async function loadPacks(tx: Queryable, named: TWanted['packs'], ssccs: string[], world: TWorld): Promise<void> {
  const { rows } = await tx.query<TPackRow>({
    name: 'events-load-packs',
    text: `SELECT p.gtin, p.serial, p.batch_id, p.status, p.custodian_org_id, p.in_transit_to_id, p.container_sscc,
                  to_char(p.dispensed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), p.dispensed_by_id, p.recall_id,
                  b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD'), b.status, pr.owner_org_id
             FROM packs p
             JOIN (SELECT w.gtin, w.serial FROM unnest($1::bpchar[], $2::text[]) AS w(gtin, serial)
                   UNION SELECT i.gtin, i.serial FROM packs i WHERE i.container_sscc = ANY($3::bpchar[])) wanted
               ON wanted.gtin = p.gtin AND wanted.serial = p.serial
             JOIN batches b ON b.id = p.batch_id
             JOIN products pr ON pr.gtin = b.gtin
            ORDER BY p.gtin, p.serial
              FOR UPDATE OF p`,
    values: [named.gtins, named.serials, ssccs],
    rowMode: 'array',
  });
  // Each pack's batch comes with it (one row per pack, the batch's columns repeated): one statement, not two.
  const batches = new Map<string, TBatchState>();
  for (const row of rows) {
    const [, , id, , , , , , , , gtin, lot, expiry, status, ownerOrgId] = row;
    let batch = batches.get(id);
    if (!batch) {
      batch = { id, gtin, lot, expiry, recalled: status === 'RECALLED', ownerOrgId };
      batches.set(id, batch);
      world.batches.set(batchId(gtin, lot), batch);
    }
    addPack(world, row, batch);
  }
}

function addPack(world: TWorld, row: TPackRow, batch: TBatchState): void {
  const [gtin, serial, , status, custodian, transit, container, dispensedAt, dispensedBy, recallId] = row;
  const key = `01/${gtin}/21/${encodeSerial(serial)}`;
  world.packs.set(key, { key, gtin, serial, batch, status, custodianOrgId: custodian, inTransitToId: transit, containerSscc: container, dispensedAt, dispensedById: dispensedBy, recallId, change: 'loaded' });
  if (container !== null) setOf(world.packsIn, container).add(key);
}

const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

/** The key spelling of a stored serial (lib/gs1 percent-encoding); most serials need none. */
export function encodeSerial(serial: string): string {
  return UNRESERVED.test(serial) ? serial : percentEncode(serial);
}

async function loadBatches(tx: Queryable, wanted: TWanted['batches'], world: TWorld): Promise<void> {
  const { rows } = await tx.query<{ id: string; gtin: string; lot: string; expiry: string; status: string; owner_org_id: string }>(
    `SELECT b.id, b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, b.status, pr.owner_org_id
       FROM batches b JOIN products pr ON pr.gtin = b.gtin
      WHERE (b.gtin, b.lot) IN (SELECT * FROM unnest($1::bpchar[], $2::text[]))`,
    [wanted.gtins, wanted.lots],
  );
  for (const row of rows) {
    const key = batchId(row.gtin, row.lot);
    if (world.batches.has(key)) continue;
    world.batches.set(key, { id: row.id, gtin: row.gtin, lot: row.lot, expiry: row.expiry, recalled: row.status === 'RECALLED', ownerOrgId: row.owner_org_id });
  }
}

async function loadProducts(tx: Queryable, gtins: string[], world: TWorld): Promise<void> {
  const { rows } = await tx.query<{ gtin: string; owner_org_id: string }>({ name: 'events-load-products', text: 'SELECT gtin, owner_org_id FROM products WHERE gtin = ANY($1::bpchar[])', values: [gtins] });
  for (const row of rows) world.productOwners.set(row.gtin, row.owner_org_id);
}

export async function loadOrgs(db: Queryable, glns: string[], world: TWorld): Promise<void> {
  for (const org of await orgsByGln(db, glns)) world.orgsByGln.set(org.gln, org);
}

export async function orgsByGln(db: Queryable, glns: string[]): Promise<TOrgRef[]> {
  const { rows } = await db.query<TOrgRef>({ name: 'events-orgs-by-gln', text: 'SELECT id, name, role, gln, country FROM organisations WHERE gln = ANY($1::text[])', values: [glns] });
  return rows;
}
