import { AppError } from '@/lib/errors/app-error';
import { epcKey } from '@/lib/gs1/epc-key';
import { parseAnyCode } from '@/lib/gs1/parse-any-code';

/**
 * GS substitutes a keyboard-wedge scanner may be configured to send for
 * FNC1 (docs/gs1.md): none of them can occur in GS1 data (character set
 * 82), so replacing them with GS (0x1D) cannot change a lot or serial.
 */
export const GS_SUBSTITUTES = ['|', '^', '~', '{', '}', '§'] as const;
export type TGsSubstitute = (typeof GS_SUBSTITUTES)[number];

export type TCounterCode = {
  /** The code as lib/events reads it: the scanner's substitute turned back into GS. */
  code: string;
  gtin: string;
  serial: string;
  key: string;
  /** The lot and expiry the code carries, to be checked against the genuine batch. */
  facts: { lot?: string; expiry?: string };
};

/**
 * A pack code scanned at the counter or a returns desk. Only a pack can be
 * dispensed, undone or checked: a case code answers not_a_pack (scan the
 * packs one by one), a batch or product code verify_code_incomplete.
 */
export function readCounterCode(scanned: string, separator?: TGsSubstitute): TCounterCode {
  const code = separator ? scanned.split(separator).join('\u001d') : scanned;
  const { fields } = parseAnyCode(code);
  if (fields.sscc !== undefined) throw new AppError('not_a_pack', 'This is the code of a case or pallet: scan each pack in it.');
  if (fields.gtin === undefined || fields.serial === undefined) {
    throw new AppError('verify_code_incomplete', 'This code has no serial number: scan the DataMatrix code of the pack (it carries GTIN, expiry, lot and serial).');
  }
  const facts = { ...(fields.lot !== undefined ? { lot: fields.lot } : {}), ...(fields.expiry !== undefined ? { expiry: fields.expiry } : {}) };
  return { code: code.trim(), gtin: fields.gtin, serial: fields.serial, key: epcKey({ gtin: fields.gtin, serial: fields.serial }), facts };
}
