import { isAppError } from '@/lib/errors/app-error';
import { epcKey } from '@/lib/gs1/epc-key';
import { parseAnyCode } from '@/lib/gs1/parse-any-code';

/**
 * Characters a keyboard-wedge scanner may be set to send for the GS1 group
 * separator (FNC1), which most keyboard layouts cannot type (docs/gs1.md).
 * None can occur in GS1 data (character set 82), so turning them back into
 * GS (0x1D) cannot change a lot or serial.
 */
export const SEPARATOR_SUBSTITUTES = ['|', '^', '~', '{', '}', '§'] as const;
export type TSeparatorSubstitute = (typeof SEPARATOR_SUBSTITUTES)[number];

export type TReadScan =
  | { ok: true; kind: 'pack'; key: string; code: string; gtin: string; serial: string; lot?: string; expiry?: string }
  | { ok: true; kind: 'case'; key: string; code: string; sscc: string }
  | { ok: false; code: string; message: string };

/**
 * One scan at a station, read in the browser the moment it arrives (lib/gs1
 * is pure): any form lib/gs1 parses (DataMatrix element string with GS or
 * the configured substitute, bracketed text, Digital Link, EPC URN). The
 * answer is the item's canonical key, and the code as the server should
 * receive it (substitute turned back into GS); or a sentence saying what
 * to do instead.
 */
export function readScan(raw: string, separator: TSeparatorSubstitute | null = null): TReadScan {
  const code = (separator ? raw.split(separator).join('\u001d') : raw).trim();
  let parsed: ReturnType<typeof parseAnyCode>;
  try {
    parsed = parseAnyCode(code);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const hint = error.code === 'gs1_missing_separator' ? ' Set the scanner’s group-separator substitute in the station settings.' : '';
    return { ok: false, code: raw.trim(), message: `Could not read the code: ${error.detail}${hint}` };
  }
  const { kind, fields } = parsed;
  if (kind === 'sgtin' && fields.gtin && fields.serial) {
    return { ok: true, kind: 'pack', key: epcKey({ gtin: fields.gtin, serial: fields.serial }), code, gtin: fields.gtin, serial: fields.serial, ...(fields.lot ? { lot: fields.lot } : {}), ...(fields.expiry ? { expiry: fields.expiry } : {}) };
  }
  if (kind === 'sscc' && fields.sscc) return { ok: true, kind: 'case', key: epcKey({ sscc: fields.sscc }), code, sscc: fields.sscc };
  if (kind === 'lgtin' || kind === 'gtin-class') return { ok: false, code, message: 'This code names a product or a batch, not one pack: scan the DataMatrix code that carries the serial number (SN).' };
  return { ok: false, code, message: 'This is not the code of a pack or a case: scan the pack’s DataMatrix code or the case’s SSCC label.' };
}
