import type { TAlertInput } from '@/lib/alerts';
import type { TStoredPack } from './decide-verdict';
import type { TPackDecision } from './decide-verdict';

/**
 * What dispensing this pack would answer now, for the checks that must not
 * change anything (the counter's "verify only" mode, a distributor's
 * saleable-returns check). It follows the order of the custody rules
 * (lib/events: the code's facts, then the pack's life, then custody), but
 * it is advice: dispensing itself is decided by lib/events in its
 * transaction.
 */
export type TCounterReason =
  | 'unknown_serial'
  | 'batch_mismatch'
  | 'already_dispensed'
  | 'pack_destroyed'
  | 'pack_stolen'
  | 'pack_recalled'
  | 'pack_expired'
  | 'in_transit'
  | 'not_custodian';

export function counterReason(stored: TStoredPack | null, decision: TPackDecision, orgId: string): TCounterReason | null {
  const pack = stored?.pack;
  if (!pack) return 'unknown_serial';
  if (decision.mismatch) return 'batch_mismatch';
  if (pack.status === 'DISPENSED') return 'already_dispensed';
  if (pack.status === 'DESTROYED') return 'pack_destroyed';
  if (pack.status === 'STOLEN') return 'pack_stolen';
  if (decision.recalled) return 'pack_recalled';
  if (decision.expired) return 'pack_expired';
  if (pack.custody.inTransitToId !== null) return 'in_transit';
  if (pack.custody.custodianOrgId !== orgId) return 'not_custodian';
  return null;
}

/**
 * The alert a check raises when what it found is how a falsified pack
 * shows up (docs/decisions/051: refused scans are evidence): a code never
 * issued, a box contradicting its serial, a destroyed or stolen pack, a
 * pack dispensed elsewhere turning up again. Null for everything else.
 */
export function suspicionAlert(reason: TCounterReason | null, stored: TStoredPack | null, scanned: { gtin: string; serial: string; key: string }, orgId: string, where: string): Omit<TAlertInput, 'raisedByOrgId'> | null {
  const pack = stored?.pack;
  const audience = [...new Set([orgId, ...(stored ? [stored.owner.orgId] : []), ...(pack?.custody.custodianOrgId ? [pack.custody.custodianOrgId] : [])])];
  const base = { subject: scanned.key, gtin: scanned.gtin, serial: scanned.serial.slice(0, 20), batchId: pack?.batch.id ?? null, visibleTo: audience };
  const label = `pack ${scanned.gtin} / ${scanned.serial}`;
  switch (reason) {
    case 'unknown_serial':
      return { ...base, code: 'unknown_serial', severity: 'HIGH', message: `A ${label} that was never commissioned was checked ${where}.` };
    case 'batch_mismatch':
      return { ...base, code: 'batch_mismatch', severity: 'HIGH', message: `The ${label} was checked ${where} with a lot or expiry that does not match its batch.` };
    case 'pack_destroyed':
      return { ...base, code: 'pack_destroyed', severity: 'HIGH', message: `The ${label}, recorded as destroyed, was checked ${where}.` };
    case 'pack_stolen':
      return { ...base, code: 'pack_stolen', severity: 'CRITICAL', message: `The ${label}, reported stolen, was checked ${where}.` };
    case 'already_dispensed':
      // A pharmacy re-checking a pack it dispensed itself is not suspicious; one dispensed elsewhere turning up is.
      if (pack?.custody.dispensedById === orgId) return null;
      return { ...base, code: 'already_dispensed', severity: 'HIGH', message: `The ${label}, already dispensed to a patient, was checked ${where}.` };
    default:
      return null;
  }
}
