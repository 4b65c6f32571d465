import { isAppError } from '@/lib/errors/app-error';
import { epcKeyFromIdentifier } from '@/lib/gs1';

export type TGs1Key = { ok: true; key: string } | { ok: false; detail: string };

/*
 * lib/gs1 reads each identifier completely (URN or Digital Link grammar, AI
 * value checks, check digits). Capture needs the key of the same identifier
 * three times (validation, the model, the hash) and documents repeat
 * identifiers across events, so the result is remembered. The function is
 * pure, so this changes nothing but speed; the bound keeps memory flat.
 */
const MAX_ENTRIES = 200_000;
const cache = new Map<string, TGs1Key>();

/** The lib/gs1 canonical key of an EPC URN or GS1 Digital Link, or why it is not a valid one. */
export function gs1KeyOf(identifier: string): TGs1Key {
  const known = cache.get(identifier);
  if (known) return known;
  let result: TGs1Key;
  try {
    result = { ok: true, key: epcKeyFromIdentifier(identifier) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    result = { ok: false, detail: error.detail.replace(/\.$/, '') };
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(identifier, result);
  return result;
}
