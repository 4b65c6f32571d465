import { epcKey, hasValidCheckDigit, parseAnyCode } from '@/lib/gs1';
import { isAppError, type TProblemItem } from '@/lib/errors';
import type { TBatchFacts } from '../types';

export type TReadCode =
  | { kind: 'pack'; key: string; gtin: string; facts: TBatchFacts }
  | { kind: 'case'; key: string }
  | { kind: 'batch'; key: string; gtin: string; lot: string };

/**
 * Reads one scanned code with lib/gs1 (every form: element string, bracketed,
 * Digital Link, EPC URN) into the canonical key of what it names: a pack
 * (GTIN + serial; the lot and expiry it also carries are kept to be checked
 * against the batch), a case or pallet (SSCC), or a whole batch (GTIN + lot,
 * only where `batches` allows it). Anything else is a problem at `pointer`.
 */
export function readCode(code: string, pointer: string, options: { batches?: boolean } = {}): TReadCode | TProblemItem {
  const canonical = readCanonicalLink(code);
  if (canonical) return canonical;
  try {
    const { kind, fields } = parseAnyCode(code);
    if (kind === 'sgtin' && fields.gtin && fields.serial) {
      const facts: TBatchFacts = {};
      if (fields.lot !== undefined) facts.lot = fields.lot;
      if (fields.expiry !== undefined) facts.expiry = fields.expiry;
      return { kind: 'pack', key: epcKey({ gtin: fields.gtin, serial: fields.serial }), gtin: fields.gtin, facts };
    }
    if (kind === 'sscc' && fields.sscc) return { kind: 'case', key: epcKey({ sscc: fields.sscc }) };
    if (kind === 'lgtin' && fields.gtin && fields.lot && options.batches) return { kind: 'batch', key: epcKey({ gtin: fields.gtin, lot: fields.lot }), gtin: fields.gtin, lot: fields.lot };
    const wanted = options.batches ? 'a pack (GTIN and serial), a case (SSCC) or a batch (GTIN and lot)' : 'a pack (GTIN and serial) or a case (SSCC)';
    return { pointer, code: 'validation_failed', detail: `${pointer}: the code names ${kind ?? 'nothing'}; expected ${wanted}.` };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { pointer, code: error.code, detail: `${pointer}: ${error.detail}` };
  }
}

/**
 * A code that is already a canonical Digital Link (https://id.gs1.org/ + a
 * canonical key, as the platform prints and as EPCIS documents carry) is its
 * own key: recognised by its exact shape and check digit instead of a full
 * parse, which the scan hot path cannot afford for every code. Serials in
 * this shape use only characters that need no percent-encoding and are in
 * GS1 character set 82; anything else takes the full parser.
 * read-codes.test.ts checks that both paths agree.
 */
const CANONICAL_PACK = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/21\/([A-Za-z0-9._-]{1,20})$/;
const CANONICAL_CASE = /^https:\/\/id\.gs1\.org\/00\/(\d{18})$/;

export function readCanonicalLink(code: string): TReadCode | null {
  const pack = CANONICAL_PACK.exec(code);
  if (pack && hasValidCheckDigit(pack[1] as string)) return { kind: 'pack', key: code.slice(19), gtin: pack[1] as string, facts: {} };
  const container = CANONICAL_CASE.exec(code);
  if (container && hasValidCheckDigit(container[1] as string)) return { kind: 'case', key: code.slice(19) };
  return null;
}

export const isProblem = (value: TReadCode | TProblemItem): value is TProblemItem => 'detail' in value;
