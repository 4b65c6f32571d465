import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { getContainer, getPack } from '@/lib/events';
import type { TContainerStatus, TPackStatus } from '@/lib/events/types';
import { readScan } from './read-scan';

type TWhere = {
  heldByYou: boolean;
  /** Shipped to the reader and not yet received. */
  inTransitToYou: boolean;
  /** Shipped (by the reader or someone else) and not yet received by its destination. */
  inTransit: boolean;
  /** The case or pallet it is in, if the reader may know. */
  container: string | null;
};

export type TInspection =
  | { kind: 'unreadable'; code: string; message: string }
  /** Never commissioned, or none of the reader's business (the same answer, docs/decisions/050). */
  | { kind: 'unknown'; code: string; key: string; what: 'pack' | 'case' }
  | ({ kind: 'pack'; code: string; key: string; gtin: string; serial: string; productName: string; strength: string; lot: string; expiry: string;
      status: TPackStatus; batchRecalled: boolean; expired: boolean;
      /** The lot or expiry printed in the code differs from the batch's: the label is not the manufacturer's. */
      mismatch: 'lot' | 'expiry' | null } & TWhere)
  | ({ kind: 'case'; code: string; key: string; sscc: string; status: TContainerStatus; packCount: number; caseCount: number } & TWhere);

/**
 * What a station shows the moment a code is scanned: which pack or case it
 * is and where it stands for the scanning organisation, read with the same
 * visibility as every other read (lib/events getPack, getContainer). Nothing
 * is recorded; the station records when the person confirms.
 */
export async function inspectScan(actor: TActor, scanned: string): Promise<TInspection> {
  assertCan(actor, 'events:read');
  const read = readScan(scanned);
  if (!read.ok) return { kind: 'unreadable', code: read.code, message: read.message };
  try {
    if (read.kind === 'case') {
      const c = await getContainer(actor, read.sscc);
      const where = { heldByYou: c.heldByYou, inTransitToYou: c.inTransitTo?.id === actor.orgId, inTransit: c.inTransit, container: c.parent };
      return { kind: 'case', code: read.code, key: read.key, sscc: c.sscc, status: c.status, packCount: c.contents.packCount, caseCount: c.contents.containerCount, ...where };
    }
    const p = await getPack(actor, read.gtin, read.serial);
    const mismatch = read.lot !== undefined && read.lot !== p.batch.lot ? 'lot' : read.expiry !== undefined && read.expiry !== p.batch.expiry ? 'expiry' : null;
    return {
      kind: 'pack', code: read.code, key: read.key, gtin: p.gtin, serial: p.serial, productName: p.product.name, strength: p.product.strength,
      lot: p.batch.lot, expiry: p.batch.expiry, status: p.status, batchRecalled: p.batch.recalled, expired: p.batch.expired, mismatch,
      heldByYou: p.heldByYou, inTransitToYou: p.inTransitTo?.id === actor.orgId, inTransit: p.inTransit,
      // Which case a pack is in is the holder's (and the destination's) business.
      container: p.heldByYou || p.inTransitTo?.id === actor.orgId ? p.container : null,
    };
  } catch (error) {
    if (isAppError(error) && error.status === 404) return { kind: 'unknown', code: read.code, key: read.key, what: read.kind };
    throw error;
  }
}
