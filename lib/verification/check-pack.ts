import { raiseAlert } from '@/lib/alerts';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { counterPack, refusalSentence, type TCounterPack } from './counter-pack';
import { counterReason, suspicionAlert, type TCounterReason } from './counter-reason';
import type { TCounterRequest } from './dispense-pack';
import { decidePackVerdict } from './decide-verdict';
import { readCounterCode } from './read-counter-code';
import { readPackState } from './read-pack-state';
import type { TVerdictWord } from './types';
import { VERDICT_WORDS } from './verdict-words';

export type TCheckAnswer = {
  outcome: 'checked';
  /** The public verdict on the pack. */
  verdict: TVerdictWord;
  /** Whether dispensing it now would be accepted, and if not, the reason code it would be refused with. */
  dispensable: boolean;
  reason: TCounterReason | null;
  message: string;
  /** The pack is in the caller's custody (received, not in transit). */
  inYourStock: boolean;
  pack: TCounterPack;
};

/**
 * Verify without decommissioning (the EU FMD "verify" of stock): the
 * pack's verdict and whether it could be dispensed or passed on now, with
 * nothing recorded in the ledger. A check that finds what a falsified pack
 * looks like raises the same alert a refused dispensing would.
 */
export async function checkPack(actor: TActor, request: TCounterRequest, now = new Date()): Promise<TCheckAnswer> {
  assertCan(actor, 'verify:stock');
  const scanned = readCounterCode(request.code, request.separator);
  const stored = await readPackState(getPool(), scanned.gtin, scanned.serial);
  const decision = decidePackVerdict(stored, scanned.facts, now.toISOString().slice(0, 10));
  const reason = counterReason(stored, decision, actor.orgId);
  const alert = suspicionAlert(reason, stored, scanned, actor.orgId, `in a stock check at a ${actor.orgRole.toLowerCase()}`);
  if (alert) await raiseAlert(getPool(), { ...alert, raisedByOrgId: actor.orgId });
  const custody = stored?.pack?.custody;
  return {
    outcome: 'checked',
    verdict: decision.verdict,
    dispensable: reason === null,
    reason,
    message: reason === null ? `${VERDICT_WORDS.AUTHENTIC.headline} In your stock: it may be dispensed.` : refusalSentence(reason, stored),
    inYourStock: custody?.custodianOrgId === actor.orgId && custody.inTransitToId === null && stored?.pack?.status !== 'DISPENSED',
    pack: counterPack(scanned, stored, { hideBatch: decision.verdict === 'MISMATCH' || decision.verdict === 'UNKNOWN' }),
  };
}
