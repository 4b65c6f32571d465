import type { TVerdictWord } from './types';

/**
 * What each verdict means and what the person should do, in plain words
 * for a patient on a phone. The page shows the headline first, then the
 * advice; the API returns both so apps say exactly the same.
 */
export const VERDICT_WORDS: Readonly<Record<TVerdictWord, { headline: string; advice: string }>> = {
  AUTHENTIC: {
    headline: 'Genuine pack: known, active and in the legitimate supply chain.',
    advice: 'You may use it as your doctor or pharmacist told you. Check the proof below if you want to be sure yourself.',
  },
  DISPENSED: {
    headline: 'Already handed to a patient by a pharmacy.',
    advice: 'If a pharmacy gave you this pack, that is expected. If someone is selling it to you now, beware: do not buy or use it, and report it to the medicines regulator.',
  },
  RECALLED: {
    headline: 'Recalled: this medicine must not be used.',
    advice: 'Do not use it. Return it to a pharmacy, which will replace it or tell you what to do.',
  },
  EXPIRED: {
    headline: 'Expired: past its expiry date.',
    advice: 'Do not use it. Return it to a pharmacy for safe disposal.',
  },
  STOLEN: {
    headline: 'Reported stolen: this pack left the legitimate supply chain.',
    advice: 'Do not use or sell it. Keep it, and report it to the medicines regulator or the police.',
  },
  DESTROYED: {
    headline: 'Recorded as destroyed: this pack should no longer exist.',
    advice: 'Do not use it: it is most likely a copy of a destroyed pack. Keep it and report it to the medicines regulator.',
  },
  MISMATCH: {
    headline: 'Does not match: the serial number exists, but the lot or expiry date printed on this box is different.',
    advice: 'This pack is likely counterfeit. Check that you typed the code correctly; if it still does not match, do not use it, keep it, and report it to a pharmacist or the medicines regulator.',
  },
  UNKNOWN: {
    headline: 'Unknown: this code was never issued by a manufacturer on the network.',
    advice: 'This pack is likely counterfeit. Check that you typed the code correctly; if it is still unknown, do not use it, keep it, and report it to a pharmacist or the medicines regulator.',
  },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2027-03-31 -> "31 March 2027"; 2027-03 -> "March 2027". Locale-independent so the API and page agree. */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** Further facts that the one verdict word does not carry, e.g. a recalled pack that was also dispensed. */
export function packNotes(facts: { verdict: TVerdictWord; dispensedOn: string | null; expired: boolean; expiry: string | null; recall: { reason: string; since: string } | null; mismatch: { lot: boolean; expiry: boolean } | null }): string[] {
  const notes: string[] = [];
  const { verdict, dispensedOn, expired, expiry, recall, mismatch } = facts;
  if (mismatch) notes.push(`What differs: ${[mismatch.lot ? 'the lot' : '', mismatch.expiry ? 'the expiry date' : ''].filter(Boolean).join(' and ')}.`);
  if (recall && verdict === 'RECALLED') notes.push(`Recalled on ${formatDay(recall.since)}: ${recall.reason}`);
  if (dispensedOn && verdict !== 'DISPENSED' && verdict !== 'MISMATCH') notes.push(`It was dispensed to a patient on ${formatDay(dispensedOn)}.`);
  if (expired && expiry && verdict !== 'EXPIRED' && verdict !== 'MISMATCH') notes.push(`It also expired on ${formatDay(expiry)}.`);
  return notes;
}
