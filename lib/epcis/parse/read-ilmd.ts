import { expandCompactIri, type TPrefixes } from '../context/prefixes';
import { copyJson, isObject } from '../json/shape';
import type { TEventProblem } from '../schema/describe-issue';
import { isIsoDate } from '../time/date-time';
import type { TIlmd } from '../types';

const LOT = 'urn:epcglobal:cbv:mda:lotNumber';
const EXPIRY = 'urn:epcglobal:cbv:mda:itemExpirationDate';

/**
 * The ILMD of an event with the batch facts the platform acts on lifted out:
 * `lot` from cbvmda:lotNumber and `expiry` from cbvmda:itemExpirationDate
 * (CBV 2.0 §8 master data attributes). Both must be well formed when
 * present: a commissioning event with an unreadable expiry would register a
 * batch that can never be checked for expiry at dispensing.
 */
export function readIlmd(ilmd: unknown, prefixes: TPrefixes): { ilmd: TIlmd | null; problems: TEventProblem[] } {
  if (!isObject(ilmd)) return { ilmd: null, problems: [] };
  const result: TIlmd = copyJson(ilmd);
  const problems: TEventProblem[] = [];
  for (const [key, value] of Object.entries(ilmd)) {
    const iri = expandCompactIri(key, prefixes) ?? key;
    if (iri === LOT) {
      if (typeof value === 'string' && value.trim() !== '') result.lot = value;
      else problems.push({ path: ['ilmd', key], code: 'invalid_value', detail: `ilmd.${key} must be the lot number as text` });
    } else if (iri === EXPIRY) {
      if (typeof value === 'string' && isIsoDate(value)) result.expiry = value;
      else problems.push({ path: ['ilmd', key], code: 'invalid_value', detail: `ilmd.${key} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})` });
    }
  }
  return { ilmd: result, problems };
}
