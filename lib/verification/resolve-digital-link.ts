import { CANONICAL_DL_HOST } from '@/lib/gs1';
import { percentEncode } from '@/lib/gs1/percent-encoding';

type TQuery = Record<string, string | string[] | undefined>;

/** A path segment as the router decoded it, written back in GS1's percent-encoding (a value that cannot be written stays as it was, for lib/gs1 to refuse). */
function segment(value: string): string {
  try {
    return percentEncode(value);
  } catch {
    return encodeURIComponent(value);
  }
}

/**
 * The Digital Link a /01/... request stands for, rebuilt from the decoded
 * route segments and the numeric query (AI) parameters, for lib/gs1 to read
 * exactly as it reads any Digital Link (qualifier order, check digits).
 */
export function digitalLinkOf(gtin: string, qualifiers: string[], query: TQuery): string {
  const path = ['01', gtin, ...qualifiers].map(segment).join('/');
  const ais = Object.entries(query)
    .filter(([name, value]) => /^\d{2,4}$/.test(name) && typeof value === 'string')
    .map(([name, value]) => `${name}=${segment(value as string)}`);
  return `${CANONICAL_DL_HOST}/${path}${ais.length > 0 ? `?${ais.join('&')}` : ''}`;
}

/** "." and ".." (or their percent-encoded forms) are dot segments: every URL parser removes them from a path, so they cannot be carried in one. */
const isDotSegment = (value: string) => value === '.' || value === '..';

const VERIFICATION_LINK_TYPES = new Set(['gs1:verificationService', 'verificationService', 'https://gs1.org/voc/verificationService']);

/**
 * Where a verification request (GS1 LVM, linkType=gs1:verificationService)
 * on a pack's Digital Link goes: the verification API, with the same path
 * and query. Null for every other request, which gets the public page,
 * and for a GTIN, lot or serial that is a dot segment ("." or ".."): a
 * redirect would lose it in path normalisation and land on another
 * address, so the page reads that link instead.
 */
export function lvmLocation(gtin: string, qualifiers: string[], query: TQuery): string | null {
  const linkType = query.linkType;
  if (typeof linkType !== 'string' || !VERIFICATION_LINK_TYPES.has(linkType)) return null;
  const [lotAi, lot, serialAi, serial, ...rest] = qualifiers;
  if (lotAi !== '10' || serialAi !== '21' || lot === undefined || serial === undefined || rest.length > 0) return null;
  if ([gtin, lot, serial].some(isDotSegment)) return null;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') search.append(name, value);
  return `/api/v1/lvm/01/${segment(gtin)}/10/${segment(lot)}/21/${segment(serial)}?${search.toString()}`;
}
