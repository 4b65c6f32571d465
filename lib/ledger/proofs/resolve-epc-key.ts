import { epcKey, epcKeyFromIdentifier, parseAnyCode, parseEpcKey } from '@/lib/gs1';

/**
 * The canonical identifier key (docs/decisions/021) of a pack or case as a
 * client names it: already a key ("01/09506000134352/21/ABC"), an EPC URN or
 * a Digital Link (read exactly as EPCIS capture reads them, so the key is
 * the one stored in event_epcs), or any other GS1 code a scanner or a
 * person produces (element string, bracketed text). Unreadable codes throw
 * the gs1 library's own 422 errors, which say what is wrong.
 */
export function resolveEpcKey(code: string): string {
  const text = code.trim();
  if (isCanonicalKey(text)) return text;
  if (/^(urn:|https?:\/\/)/i.test(text)) return epcKeyFromIdentifier(text);
  return epcKey(parseAnyCode(text).fields);
}

function isCanonicalKey(text: string): boolean {
  if (!/^\d{2,4}\//.test(text)) return false;
  try {
    parseEpcKey(text);
    return true;
  } catch {
    return false;
  }
}
