import { CANONICAL_DL_HOST } from '@/lib/gs1';
import { gs1KeyOf } from '../identifiers/gs1-key-cache';
import { isDigitalLink, isGs1EpcUrn } from '../identifiers/read-identifier';

/**
 * The canonical GS1 Digital Link (https://id.gs1.org, finest level, no
 * query) of a GS1 identifier written as an EPC URN or a Digital Link on any
 * host (CBV 2.0 §8.9.2 rules 17, 18), or null for anything else, which the
 * hash then writes as it is. It is lib/gs1's canonicalDigitalLinkUri (the
 * host before the canonical storage key), so the hash and the storage keys
 * cannot disagree about what an identifier is.
 */
export function canonicalDigitalLink(value: string): string | null {
  if (!isGs1EpcUrn(value) && !isDigitalLink(value)) return null;
  const key = gs1KeyOf(value);
  return key.ok ? `${CANONICAL_DL_HOST}/${key.key}` : null;
}
