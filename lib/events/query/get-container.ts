import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isValidSscc } from '@/lib/gs1';
import { encodeSerial } from '../record/load-state';
import type { TContainerStatus } from '../types';
import { loadEventViews, type TEventView } from './event-view';
import type { TOrgName } from './get-pack';
import { viaMap } from './get-pack';
import { historyOf, type THistoryEntry } from './history';

export type TContainerDetail = {
  sscc: string;
  key: string;
  status: TContainerStatus;
  /** The organisation that created it (allocated or first packed it). */
  owner: TOrgName;
  custodian: TOrgName | null;
  heldByYou: boolean;
  inTransitTo: TOrgName | null;
  inTransit: boolean;
  /** The pallet it is on, if any. */
  parent: string | null;
  /** What is directly inside: pack keys and SSCCs (for the holder, its creator and the regulator; counts for the others). */
  contents: { packs: string[] | null; containers: string[] | null; packCount: number; containerCount: number };
};

type TRow = {
  sscc: string; status: TContainerStatus; owner_org_id: string; owner_name: string; custodian_org_id: string | null; custodian_name: string | null;
  in_transit_to_id: string | null; transit_name: string | null; parent_sscc: string | null;
};

/** A case or pallet: for its creator, the regulator, and the parties to its events; 404 for anyone else. */
export async function getContainer(actor: TActor, sscc: string): Promise<TContainerDetail> {
  return (await readContainer(actor, sscc)).container;
}

/** The events naming the case, and those of the pallets it was on while it was on them. */
export async function getContainerHistory(actor: TActor, sscc: string): Promise<TEventView[]> {
  const { history } = await readContainer(actor, sscc);
  return loadEventViews(getPool(), history.map((h) => h.id), readScope(actor), viaMap(history));
}

async function readContainer(actor: TActor, sscc: string): Promise<{ container: TContainerDetail; history: THistoryEntry[] }> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const notFound = new AppError('not_found', 'No such case or pallet.');
  if (!isValidSscc(sscc)) throw notFound;
  const { rows } = await getPool().query<TRow>(
    `SELECT c.sscc, c.status, c.owner_org_id, o.name AS owner_name, c.custodian_org_id, h.name AS custodian_name, c.in_transit_to_id, t.name AS transit_name, c.parent_sscc
       FROM containers c JOIN organisations o ON o.id = c.owner_org_id
       LEFT JOIN organisations h ON h.id = c.custodian_org_id LEFT JOIN organisations t ON t.id = c.in_transit_to_id
      WHERE c.sscc = $1`,
    [sscc],
  );
  const row = rows[0];
  if (!row) throw notFound;
  const key = `00/${sscc}`;
  const history = await historyOf(getPool(), key);
  const me = scope.all ? null : scope.orgId;
  const involved = me === null || [row.owner_org_id, row.custodian_org_id, row.in_transit_to_id].includes(me);
  if (!involved && !history.some((h) => h.partyIds.includes(me as string))) throw notFound;
  return { container: { ...detailOf(row, key, me), contents: await contentsOf(sscc, me === null || row.owner_org_id === me || row.custodian_org_id === me) }, history };
}

function detailOf(row: TRow, key: string, me: string | null): Omit<TContainerDetail, 'contents'> {
  const seesCustodian = me === null || row.custodian_org_id === me;
  const seesDestination = me === null || row.in_transit_to_id === me || row.custodian_org_id === me;
  return {
    sscc: row.sscc,
    key,
    status: row.status,
    owner: { id: row.owner_org_id, name: row.owner_name },
    custodian: seesCustodian && row.custodian_org_id ? { id: row.custodian_org_id, name: row.custodian_name ?? '' } : null,
    heldByYou: me !== null && row.custodian_org_id === me,
    inTransitTo: seesDestination && row.in_transit_to_id ? { id: row.in_transit_to_id, name: row.transit_name ?? '' } : null,
    inTransit: row.in_transit_to_id !== null,
    parent: row.parent_sscc,
  };
}

async function contentsOf(sscc: string, listed: boolean): Promise<TContainerDetail['contents']> {
  const { rows } = await getPool().query<{ kind: 'pack' | 'case'; gtin: string | null; id: string }>(
    `SELECT 'pack' AS kind, gtin, serial AS id FROM packs WHERE container_sscc = $1
     UNION ALL SELECT 'case', NULL, sscc FROM containers WHERE parent_sscc = $1
     ORDER BY 1, 2, 3`,
    [sscc],
  );
  const packs = rows.filter((r) => r.kind === 'pack').map((r) => `01/${r.gtin}/21/${encodeSerial(r.id)}`);
  const containers = rows.filter((r) => r.kind === 'case').map((r) => r.id);
  return { packs: listed ? packs : null, containers: listed ? containers : null, packCount: packs.length, containerCount: containers.length };
}
