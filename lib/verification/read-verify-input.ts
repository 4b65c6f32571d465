import { AppError } from '@/lib/errors/app-error';
import { epcKey } from '@/lib/gs1/epc-key';
import { parseAnyCode } from '@/lib/gs1/parse-any-code';
import type { TGs1Fields } from '@/lib/gs1/types';
import { readExpiryInput } from './read-expiry-input';
import type { TScannedFacts, TVerifyInput, TVerifyTarget } from './types';

/**
 * What a person wants verified, from anything they may have: one code in
 * any GS1 form (DataMatrix element string, bracketed text, Digital Link,
 * EPC URN, a bare GTIN), separate fields typed from the box, or both (a
 * product picked from a list plus the lot as printed). A pack needs GTIN
 * and serial, a batch GTIN and lot. Pure: the public page runs it in the
 * browser too, so both read a code identically (docs/decisions/020).
 *
 * Throws the gs1_* error of a malformed code, verify_input_missing,
 * verify_code_incomplete (a product only), verify_not_a_pack (a case or a
 * place) or verify_input_conflict (the code and a field disagree).
 */
export function readVerifyInput(input: TVerifyInput, options: { separators?: string[]; today?: Date } = {}): TVerifyTarget {
  const fromCode = input.code?.trim() ? codeFields(input.code, options) : {};
  const fields: TGs1Fields = { ...fromCode };
  merge(fields, 'gtin', typedGtin(input.gtin));
  merge(fields, 'serial', blankToUndefined(input.serial));
  merge(fields, 'lot', blankToUndefined(input.lot));
  const typedExpiry = blankToUndefined(input.expiry);
  const expiry = typedExpiry === undefined ? undefined : readExpiryInput(typedExpiry, options.today);
  if (expiry && 'expiry' in expiry) merge(fields, 'expiry', expiry.expiry);
  return targetOf(fields, expiry && 'expiryMonth' in expiry ? expiry.expiryMonth : undefined);
}

function codeFields(code: string, options: { separators?: string[]; today?: Date }): TGs1Fields {
  const { fields } = parseAnyCode(code, options);
  if (fields.sscc !== undefined) throw new AppError('verify_not_a_pack', 'This is the code of a case or pallet (SSCC). Verify the packs inside it one by one.');
  if (fields.gtin === undefined) throw new AppError('verify_not_a_pack', 'This code names no medicine pack or batch (it carries no GTIN).');
  return { gtin: fields.gtin, lot: fields.lot, serial: fields.serial, expiry: fields.expiry };
}

function typedGtin(gtin: string | undefined): string | undefined {
  const text = blankToUndefined(gtin);
  if (text === undefined) return undefined;
  const detail = 'The GTIN is 8, 12, 13 or 14 digits.';
  if (!/^(\d{8}|\d{12,14})$/.test(text)) throw new AppError('validation_failed', detail, { errors: [{ pointer: '/gtin', code: 'invalid_gtin', detail }] });
  // A bare GTIN reads as one, check digit verified (gs1_check_digit otherwise).
  return parseAnyCode(text).fields.gtin as string;
}

const LABELS = { gtin: 'GTIN', serial: 'serial number', lot: 'lot', expiry: 'expiry date' } as const;

function merge(fields: TGs1Fields, name: keyof typeof LABELS, value: string | undefined): void {
  if (value === undefined) return;
  const present = fields[name];
  if (present !== undefined && present !== value) {
    throw new AppError('verify_input_conflict', `The code says ${LABELS[name]} ${present}, but ${value} was typed. Check which one is on the box.`, { extra: { field: name } });
  }
  fields[name] = value;
}

function targetOf(fields: TGs1Fields, expiryMonth: string | undefined): TVerifyTarget {
  const { gtin, serial, lot, expiry } = fields;
  if (gtin === undefined) throw new AppError('verify_input_missing', 'Scan or type the code on the pack, or pick the product and type the serial number or lot.');
  const dates = { ...(expiry !== undefined ? { expiry } : {}), ...(expiryMonth !== undefined ? { expiryMonth } : {}) };
  // epcKey validates typed values (length, GS1 character set) exactly as a scanned code's.
  const batchKey = lot === undefined ? undefined : epcKey({ gtin, lot });
  if (serial !== undefined) {
    const scanned: TScannedFacts = { ...(lot !== undefined ? { lot } : {}), ...dates };
    return { kind: 'pack', gtin, serial, key: epcKey({ gtin, serial }), scanned };
  }
  if (lot !== undefined && batchKey !== undefined) return { kind: 'batch', gtin, lot, key: batchKey, scanned: dates };
  throw new AppError('verify_code_incomplete', 'This code names a product, not one pack or batch. Add the serial number (SN) or the lot (LOT or BATCH) printed on the box.');
}

function blankToUndefined(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
