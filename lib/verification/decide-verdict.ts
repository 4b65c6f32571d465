import type { TPublicManufacturer, TPublicProduct, TPublicRecall, TScannedFacts, TVerdictWord } from './types';

/**
 * The verdict on a pack or batch, from its stored state and what the box
 * says. Pure, so every verdict and every precedence is unit-tested.
 *
 * Precedence (docs/decisions/060): a box whose lot or expiry contradicts the
 * serial's genuine batch is MISMATCH whatever the genuine pack's state (the
 * box in hand is not that pack); then the pack's life: STOLEN, DESTROYED;
 * then RECALLED before DISPENSED (a recalled medicine must not be taken,
 * even by the patient it was dispensed to); then EXPIRED; else AUTHENTIC.
 */
export type TPackStatus = 'ACTIVE' | 'DISPENSED' | 'RECALLED' | 'STOLEN' | 'EXPIRED' | 'DESTROYED';

export type TStoredBatch = { lot: string; expiry: string; status: 'ACTIVE' | 'RECALLED' };

/** Who holds a pack: for the counter and dispensing checks, never shown on the public page. */
export type TCustody = { custodianOrgId: string | null; inTransitToId: string | null; dispensedById: string | null };

export type TStoredPack = {
  product: TPublicProduct;
  manufacturer: TPublicManufacturer;
  /** The manufacturer's organisation id and GLN (alert audiences, the saleable-returns responder). */
  owner: { orgId: string; gln: string };
  /** null: the product exists, this serial was never commissioned. */
  pack: null | {
    status: TPackStatus;
    /** ISO 8601 UTC, the dispensing event's time. */
    dispensedAt: string | null;
    batch: TStoredBatch & { id: string };
    recall: TPublicRecall | null;
    custody: TCustody;
  };
};

export type TPackDecision = { verdict: TVerdictWord; mismatch: { lot: boolean; expiry: boolean } | null; recalled: boolean; expired: boolean };

/** requires: `today` is YYYY-MM-DD (UTC). `stored` null: the GTIN is not a registered product. */
export function decidePackVerdict(stored: TStoredPack | null, scanned: TScannedFacts, today: string): TPackDecision {
  const pack = stored?.pack;
  if (!pack) return { verdict: 'UNKNOWN', mismatch: null, recalled: false, expired: false };
  const mismatch = mismatchOf(pack.batch, scanned);
  const recalled = pack.status === 'RECALLED' || pack.batch.status === 'RECALLED' || pack.recall?.open === true;
  const expired = pack.status === 'EXPIRED' || pack.batch.expiry < today;
  return { verdict: packWord(pack.status, mismatch !== null, recalled, expired), mismatch, recalled, expired };
}

function packWord(status: TPackStatus, mismatch: boolean, recalled: boolean, expired: boolean): TVerdictWord {
  if (mismatch) return 'MISMATCH';
  if (status === 'STOLEN') return 'STOLEN';
  if (status === 'DESTROYED') return 'DESTROYED';
  if (recalled) return 'RECALLED';
  if (status === 'DISPENSED') return 'DISPENSED';
  if (expired) return 'EXPIRED';
  return 'AUTHENTIC';
}

/** Which printed facts contradict the batch (a fact not given contradicts nothing). */
export function mismatchOf(batch: { lot?: string; expiry: string }, scanned: TScannedFacts): { lot: boolean; expiry: boolean } | null {
  const lot = scanned.lot !== undefined && batch.lot !== undefined && scanned.lot !== batch.lot;
  const expiry = (scanned.expiry !== undefined && scanned.expiry !== batch.expiry) || (scanned.expiryMonth !== undefined && !batch.expiry.startsWith(`${scanned.expiryMonth}-`));
  return lot || expiry ? { lot, expiry } : null;
}

export type TStoredBatchState = { batch: TStoredBatch & { manufacturedOn: string | null } | null; recall: TPublicRecall | null };

/** A batch: UNKNOWN if the product has no such lot, MISMATCH if the typed expiry differs, then RECALLED, EXPIRED, AUTHENTIC. */
export function decideBatchVerdict(stored: TStoredBatchState | null, scanned: Omit<TScannedFacts, 'lot'>, today: string): { verdict: 'AUTHENTIC' | 'RECALLED' | 'EXPIRED' | 'UNKNOWN' | 'MISMATCH'; expired: boolean } {
  const batch = stored?.batch;
  if (!batch) return { verdict: 'UNKNOWN', expired: false };
  const expired = batch.expiry < today;
  if (mismatchOf({ expiry: batch.expiry }, scanned)) return { verdict: 'MISMATCH', expired };
  if (batch.status === 'RECALLED' || stored.recall?.open === true) return { verdict: 'RECALLED', expired };
  return { verdict: expired ? 'EXPIRED' : 'AUTHENTIC', expired };
}
