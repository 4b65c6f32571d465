import { decidePackVerdict } from './decide-verdict';
import { loadPackVerdictState } from './read-pack-verdict';
import type { TPackVerdict, TVerifyTarget } from './types';
import { packNotes, VERDICT_WORDS } from './verdict-words';

/**
 * The public verdict on one pack: one statement of indexed lookups (its
 * state and its journey, read-pack-verdict.ts; under load one statement
 * for many lookups), no writes and no authentication (docs/decisions/061). MISMATCH and UNKNOWN carry no
 * batch facts and no journey: the genuine pack's lot, expiry and route
 * would only help whoever printed the box in hand.
 */
export async function verifyPack(target: Extract<TVerifyTarget, { kind: 'pack' }>, now = new Date()): Promise<TPackVerdict> {
  const { stored, journey } = await loadPackVerdictState(target);
  const today = now.toISOString().slice(0, 10);
  const decision = decidePackVerdict(stored, target.scanned, today);
  const { verdict, mismatch } = decision;
  const pack = stored?.pack ?? null;
  const open = verdict !== 'MISMATCH' && verdict !== 'UNKNOWN';
  const dispensedOn = open ? (pack?.dispensedAt?.slice(0, 10) ?? null) : null;
  const recall = open ? (pack?.recall ?? null) : null;
  const words = VERDICT_WORDS[verdict];
  return {
    kind: 'pack',
    verdict,
    headline: unknownProduct(stored === null, verdict) ?? words.headline,
    advice: words.advice,
    notes: packNotes({ verdict, dispensedOn, expired: decision.expired, expiry: pack?.batch.expiry ?? null, recall, mismatch }),
    gtin: target.gtin,
    serial: target.serial,
    key: target.key,
    scanned: target.scanned,
    product: stored?.product ?? null,
    manufacturer: stored?.manufacturer ?? null,
    batch: open && pack ? { lot: pack.batch.lot, expiry: pack.batch.expiry, recalled: decision.recalled, expired: decision.expired } : null,
    recall,
    dispensedOn,
    mismatch,
    journey: open ? journey : [],
    checkedAt: now.toISOString(),
  };
}

function unknownProduct(noProduct: boolean, verdict: string): string | null {
  return noProduct && verdict === 'UNKNOWN' ? 'Unknown: no manufacturer on the network makes a product with this GTIN, and no pack with this code was ever issued.' : null;
}
