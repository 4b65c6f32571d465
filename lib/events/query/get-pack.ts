import type { TActor } from '@/lib/auth/actor';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { epcKey } from '@/lib/gs1';
import type { TPackStatus } from '../types';
import { loadEventViews, type TEventView } from './event-view';
import { historyOf, type THistoryEntry } from './history';

export type TOrgName = { id: string; name: string };

export type TPackDetail = {
  key: string;
  gtin: string;
  serial: string;
  status: TPackStatus;
  product: { gtin: string; name: string; form: string; strength: string; packSize: number };
  batch: { id: string; lot: string; expiry: string; recalled: boolean; expired: boolean };
  manufacturer: TOrgName;
  /** Who holds it: shown to the regulator and to the holder itself; others see only whether it is theirs. */
  custodian: TOrgName | null;
  heldByYou: boolean;
  /** Where it is going while in transit: shown to the regulator, the sender and the destination. */
  inTransitTo: TOrgName | null;
  inTransit: boolean;
  /** The case it is in (SSCC), if any. */
  container: string | null;
  commissionedAt: string;
  dispensedAt: string | null;
};

type TPackRow = {
  gtin: string; serial: string; status: TPackStatus; custodian_org_id: string | null; custodian_name: string | null;
  in_transit_to_id: string | null; transit_name: string | null; container_sscc: string | null; commissioned_at: Date; dispensed_at: Date | null;
  dispensed_by_id: string | null; batch_id: string; lot: string; expiry: string; batch_status: string; expired: boolean;
  name: string; form: string; strength: string; pack_size: number; owner_org_id: string; owner_name: string;
};

/**
 * A pack as the caller may see it: its manufacturer, the regulator, and the
 * organisations that took part in one of its events (those naming it, or
 * naming a case while it was inside). Anyone else gets 404, exactly as for a
 * serial that does not exist: the answer must not tell a competitor, or a
 * counterfeiter probing serials, that a pack exists.
 */
export async function getPack(actor: TActor, gtin: string, serial: string): Promise<TPackDetail> {
  return (await readPack(actor, gtin, serial)).pack;
}

/** The pack's history: the events naming it, and those of its cases while it was inside (field `via`). */
export async function getPackHistory(actor: TActor, gtin: string, serial: string): Promise<TEventView[]> {
  const { history } = await readPack(actor, gtin, serial);
  const scope = readScope(actor);
  return loadEventViews(getPool(), history.map((h) => h.id), scope, viaMap(history));
}

export function viaMap(history: THistoryEntry[]): Map<string, string> {
  return new Map(history.filter((h) => h.via !== null).map((h) => [h.id, h.via as string]));
}

async function readPack(actor: TActor, gtin: string, serial: string): Promise<{ pack: TPackDetail; history: THistoryEntry[] }> {
  assertCan(actor, 'events:read');
  const scope = readScope(actor);
  const notFound = new AppError('not_found', 'No such pack.');
  let key: string;
  try {
    key = epcKey({ gtin, serial });
  } catch {
    throw notFound;
  }
  const { rows } = await getPool().query<TPackRow>(
    `SELECT p.gtin, p.serial, p.status, p.custodian_org_id, c.name AS custodian_name, p.in_transit_to_id, t.name AS transit_name,
            p.container_sscc, p.commissioned_at, p.dispensed_at, p.dispensed_by_id, b.id AS batch_id, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry,
            b.status AS batch_status, b.expiry < current_date AS expired, pr.name, pr.form, pr.strength, pr.pack_size, pr.owner_org_id, o.name AS owner_name
       FROM packs p JOIN batches b ON b.id = p.batch_id JOIN products pr ON pr.gtin = p.gtin JOIN organisations o ON o.id = pr.owner_org_id
       LEFT JOIN organisations c ON c.id = p.custodian_org_id LEFT JOIN organisations t ON t.id = p.in_transit_to_id
      WHERE p.gtin = $1 AND p.serial = $2`,
    [key.slice(3, 17), serial],
  );
  const row = rows[0];
  if (!row) throw notFound;
  const history = await historyOf(getPool(), key);
  const me = scope.all ? null : scope.orgId;
  const visible = me === null || row.owner_org_id === me || [row.custodian_org_id, row.in_transit_to_id, row.dispensed_by_id].includes(me) || history.some((h) => h.partyIds.includes(me));
  if (!visible) throw notFound;
  return { pack: toDetail(key, row, me), history };
}

function toDetail(key: string, row: TPackRow, me: string | null): TPackDetail {
  const seesCustodian = me === null || row.custodian_org_id === me;
  const seesDestination = me === null || row.in_transit_to_id === me || row.custodian_org_id === me;
  return {
    key,
    gtin: row.gtin,
    serial: row.serial,
    status: row.status,
    product: { gtin: row.gtin, name: row.name, form: row.form, strength: row.strength, packSize: row.pack_size },
    batch: { id: row.batch_id, lot: row.lot, expiry: row.expiry, recalled: row.batch_status === 'RECALLED', expired: row.expired },
    manufacturer: { id: row.owner_org_id, name: row.owner_name },
    custodian: seesCustodian && row.custodian_org_id ? { id: row.custodian_org_id, name: row.custodian_name ?? '' } : null,
    heldByYou: me !== null && row.custodian_org_id === me,
    inTransitTo: seesDestination && row.in_transit_to_id ? { id: row.in_transit_to_id, name: row.transit_name ?? '' } : null,
    inTransit: row.in_transit_to_id !== null,
    // The case it is in now names whoever packed it: only its holder, its destination and the regulator see it.
    container: seesDestination ? row.container_sscc : null,
    commissionedAt: row.commissioned_at.toISOString(),
    dispensedAt: row.dispensed_at?.toISOString() ?? null,
  };
}
