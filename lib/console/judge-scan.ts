import type { TInspection } from './inspect-scan';

export const STATION_MODES = ['receive', 'put-away', 'ship', 'return'] as const;
export type TStationMode = (typeof STATION_MODES)[number];

export type TJudgement = {
  accept: boolean;
  /** good: goes on the list; caution: not taken, nothing wrong with the pack; danger: set it aside and report. */
  tone: 'good' | 'caution' | 'danger';
  /** One or two words, large on the screen. */
  word: string;
  /** What it is and what to do, in a sentence or two. */
  message: string;
  /** How the item is named in lists. */
  label: string;
};

const STATUS_WORD: Record<string, string> = { DISPENSED: 'dispensed to a patient', DESTROYED: 'destroyed', STOLEN: 'reported stolen', RECALLED: 'recalled', EXPIRED: 'expired' };

function labelOf(i: TInspection): string {
  if (i.kind === 'pack') return `${i.productName} ${i.strength} · lot ${i.lot} · SN ${i.serial}`;
  if (i.kind === 'case') return `Case ${i.sscc} (${i.packCount} pack${i.packCount === 1 ? '' : 's'}${i.caseCount > 0 ? `, ${i.caseCount} case${i.caseCount === 1 ? '' : 's'}` : ''})`;
  if (i.kind === 'unknown') return i.what === 'case' ? `Case ${i.key.slice(3)}` : `Pack ${decodeURIComponent(i.key.split('/')[4] ?? i.key)}`;
  return i.code;
}

const reject = (tone: TJudgement['tone'], word: string, message: string, label: string): TJudgement => ({ accept: false, tone, word, message, label });
const accept = (word: string, message: string, label: string): TJudgement => ({ accept: true, tone: 'good', word, message, label });

/**
 * What a station says about one scan in a given mode, before anything is
 * recorded: take it (it goes on the list to confirm), or not, with what to
 * do. The custody rules decide again when the list is recorded
 * (docs/decisions/051); this only spares people a refused confirmation and
 * tells them at once which pack or case is the problem.
 */
export function judgeScan(mode: TStationMode, inspection: TInspection): TJudgement {
  const label = labelOf(inspection);
  if (inspection.kind === 'unreadable') return reject('caution', 'NOT READ', inspection.message, label);
  if (inspection.kind === 'unknown') {
    return mode === 'receive'
      ? reject('danger', 'NOT SHIPPED TO YOU', 'No shipment of this to you is recorded, and it is not known to you. Set it aside, do not put it into stock, and ask the sender; it may not be genuine.', label)
      : reject('caution', 'NOT IN YOUR STOCK', 'This is not among what you hold. Scan the items on your shelf or in the tote.', label);
  }
  if (inspection.kind === 'pack') {
    if (inspection.mismatch) {
      return reject('danger', 'LABEL MISMATCH', `The ${inspection.mismatch === 'lot' ? 'lot number' : 'expiry date'} in this code is not the manufacturer's record for this serial (lot ${inspection.lot}). Quarantine the pack and report it: it may be falsified.`, label);
    }
    if (['DISPENSED', 'DESTROYED', 'STOLEN'].includes(inspection.status)) {
      return reject('danger', 'OUT OF THE CHAIN', `This pack was ${STATUS_WORD[inspection.status]}; it must not be in circulation. Quarantine it and report it.`, label);
    }
  }
  if (inspection.kind === 'case' && inspection.status !== 'ACTIVE') {
    return reject('caution', 'CASE CLOSED', `This case was ${inspection.status === 'UNPACKED' ? 'unpacked' : 'destroyed'}: scan the packs instead.`, label);
  }
  return judgeMode(mode, inspection as Extract<TInspection, { kind: 'pack' | 'case' }>, label);
}

function judgeMode(mode: TStationMode, item: Extract<TInspection, { kind: 'pack' | 'case' }>, label: string): TJudgement {
  const blocked = item.kind === 'pack' && (item.status === 'RECALLED' || item.status === 'EXPIRED' || item.batchRecalled || item.expired);
  const blockedWord = item.kind === 'pack' && (item.status === 'RECALLED' || item.batchRecalled) ? 'recalled' : 'expired';
  switch (mode) {
    case 'receive':
      if (item.inTransitToYou && item.container) return reject('caution', 'SCAN THE CASE', `This pack travels inside case ${item.container}, which is on its way to you: scan the case label to receive it with everything inside.`, label);
      if (item.inTransitToYou) return blocked ? { ...accept('EXPECTED', `Expected, but ${blockedWord}: receive it into quarantine and return it; it must not go to patients.`, label), tone: 'caution' } : accept('EXPECTED', 'On a shipment to you.', label);
      if (item.heldByYou) return reject('caution', 'ALREADY RECEIVED', 'This is already in your stock.', label);
      if (item.inTransit) return reject('danger', 'NOT FOR YOU', 'This was shipped to another organisation. Do not receive it; contact the sender.', label);
      return reject('danger', 'NOT SHIPPED TO YOU', 'No shipment of this to you is recorded. Set it aside and ask the sender to record the shipment.', label);
    case 'put-away':
      if (item.inTransitToYou) return reject('caution', 'NOT RECEIVED YET', 'Receive it first (Receive mode), then put it away.', label);
      if (!item.heldByYou || item.inTransit) return reject('caution', 'NOT IN YOUR STOCK', item.inTransit ? 'You shipped this; it is on its way to its destination.' : 'This is not among what you hold.', label);
      return accept('OK', 'In your stock: goes to the storage location.', label);
    case 'ship':
    case 'return':
      if (item.inTransitToYou) return reject('caution', 'NOT RECEIVED YET', 'Receive it first (Receive mode).', label);
      if (!item.heldByYou) return reject('caution', 'NOT IN YOUR STOCK', 'This is not among what you hold.', label);
      if (item.inTransit) return reject('caution', 'ALREADY SHIPPED', 'This is already on its way to its destination.', label);
      if (mode === 'ship' && blocked) return reject('danger', blockedWord === 'recalled' ? 'RECALLED' : 'EXPIRED', `This pack is ${blockedWord} and must not move on towards patients. Use Return to send it back to the manufacturer.`, label);
      return accept('OK', item.kind === 'pack' && item.container ? `In your stock, in case ${item.container}: it will be taken out of the case and ${mode === 'ship' ? 'shipped' : 'returned'} alone.` : `In your stock: ready to ${mode === 'ship' ? 'ship' : 'return'}.`, label);
  }
}
