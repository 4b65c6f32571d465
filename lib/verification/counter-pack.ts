import type { TStoredPack } from './decide-verdict';
import type { TPublicManufacturer, TPublicProduct } from './types';
import { formatDay } from './verdict-words';

/**
 * The pack as the counter screen and pharmacy systems show it after a
 * scan. The lot and expiry are those of the genuine batch, except for a
 * batch mismatch, where the box in hand is not that pack.
 */
export type TCounterPack = {
  gtin: string;
  serial: string;
  key: string;
  product: TPublicProduct | null;
  manufacturer: TPublicManufacturer | null;
  lot: string | null;
  expiry: string | null;
};

export function counterPack(code: { gtin: string; serial: string; key: string }, stored: TStoredPack | null, options: { hideBatch?: boolean } = {}): TCounterPack {
  const batch = options.hideBatch ? null : (stored?.pack?.batch ?? null);
  return {
    gtin: code.gtin,
    serial: code.serial,
    key: code.key,
    product: stored?.product ?? null,
    manufacturer: stored?.manufacturer ?? null,
    lot: batch?.lot ?? null,
    expiry: batch?.expiry ?? null,
  };
}

/**
 * What a pharmacist reads for each refusal (the EU FMD alert reasons), and
 * what to do. The problem's code stays the custody code of lib/events.
 */
export function refusalSentence(code: string, stored: TStoredPack | null): string {
  const pack = stored?.pack;
  switch (code) {
    case 'unknown_serial':
      return 'Unknown pack: this serial number was never issued. It may be falsified. Do not hand it out; set it aside and report it.';
    case 'batch_mismatch':
      return 'The lot or expiry printed on the box does not match this serial number. It may be falsified. Do not hand it out; set it aside.';
    case 'already_dispensed':
      return `Already dispensed${pack?.dispensedAt ? ` on ${formatDay(pack.dispensedAt.slice(0, 10))}` : ''}. Do not hand it out: set it aside and report it.`;
    case 'pack_expired':
      return `Expired${pack ? ` on ${formatDay(pack.batch.expiry)}` : ''}. Do not hand it out.`;
    case 'pack_recalled':
      return `Recalled${pack?.recall ? `: ${pack.recall.reason}` : ''}. Do not hand it out; follow the recall instructions.`;
    case 'pack_stolen':
      return 'Reported stolen. Do not hand it out; set it aside and report it.';
    case 'pack_destroyed':
      return 'Recorded as destroyed: this pack should not exist. It may be falsified. Do not hand it out; set it aside.';
    case 'not_custodian':
      return 'Not in your pharmacy\'s stock: it was never received here. Receive the delivery first, or set the pack aside.';
    case 'in_transit':
      return 'Still on its way: receive the delivery before dispensing from it.';
    case 'undo_not_allowed':
      return 'The dispensing cannot be undone: only the pharmacy that dispensed a pack may undo it, within 10 days.';
    default:
      return '';
  }
}
