import type { TJourneyStep } from './types';
import { formatDay } from './verdict-words';

/**
 * The words of the public journey: what happened at each step, by which
 * kind of organisation, where and when. Pure and locale-independent, so
 * the server's first render and the browser's agree character for
 * character. Distributors and pharmacies are named only by role and
 * country, as their public records are (docs/decisions/052).
 */
const ROLE_WORDS: Record<string, string> = {
  manufacturer: 'the manufacturer',
  distributor: 'a wholesaler',
  pharmacy: 'a pharmacy',
  regulator: 'the medicines regulator',
};

const STEP_WORDS: Record<string, string> = {
  commission: 'Made and given its serial number',
  pack: 'Packed into a case',
  unpack: 'Taken out of its case',
  ship: 'Shipped',
  return: 'Sent back',
  receive: 'Received',
  dispense: 'Dispensed to a patient',
  restock: 'Put back on the shelf (dispensing undone)',
  destroy: 'Destroyed',
  recall: 'Recalled',
  stolen: 'Reported stolen',
  expire: 'Marked expired',
  declaration: 'An earlier record was declared erroneous',
  observe: 'Checked',
};

/** ISO 3166-1 alpha-2 as a country name where the runtime knows it ("DE" -> "Germany"). */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Shipped by a wholesaler in Germany"; the manufacturer by name. */
export function stepTitle(step: Pick<TJourneyStep, 'step' | 'actor'>): string {
  const what = STEP_WORDS[step.step] ?? 'Recorded';
  const who = step.actor.name ? `${step.actor.name} (${ROLE_WORDS[step.actor.role] ?? step.actor.role})` : (ROLE_WORDS[step.actor.role] ?? `an organisation (${step.actor.role})`);
  return `${what} by ${who} in ${countryName(step.actor.country)}`;
}

/** The event's local date and time as it happened: "4 March 2025, 10:00 (UTC+01:00)". */
export function formatEventTime(eventTime: string, offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date(Date.parse(eventTime) + minutes * 60_000).toISOString();
  return `${formatDay(local.slice(0, 10))}, ${local.slice(11, 16)} (UTC${match ? offset : '+00:00'})`;
}
