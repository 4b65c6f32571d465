import { hasPredefinedLength } from './ai-table';
import { assertGln, assertGtin, assertSscc } from './assert-key';
import { addElement, checkAssociations } from './element-list';
import { daysInMonth, readGs1Date, yymmddFromIso } from './expiry-from-yymmdd';
import { gs1Error } from './gs1-error';
import type { TAiElement, TDateOptions, TGs1Fields } from './types';
import { validateAiValue } from './validate-ai-value';

/**
 * The validated elements to encode for `fields`, in the order codes are
 * written: AIs of predefined length first (they need no separator), then
 * the others by AI number. Everything is checked, so no function of this
 * module can print a code a scanner would reject.
 */
export function elementsFromFields(fields: TGs1Fields, options: TDateOptions = {}): TAiElement[] {
  const list: TAiElement[] = [];
  const add = (ai: string, value: string | undefined) => {
    if (value === undefined) return;
    validateAiValue(ai, value, { today: options.today });
    addElement(list, { ai, value });
  };
  add('00', fields.sscc === undefined ? undefined : assertSscc(fields.sscc));
  add('01', fields.gtin === undefined ? undefined : assertGtin(fields.gtin));
  add('414', fields.gln === undefined ? undefined : assertGln(fields.gln));
  add('254', fields.glnExtension);
  add('10', fields.lot);
  add('21', fields.serial);
  add('17', expiryValue(fields, options));
  add('11', fields.productionDate === undefined ? undefined : yymmddFromIso(fields.productionDate, { ai: '11', monthOnly: true, today: options.today }));
  for (const [ai, value] of Object.entries(fields.attributes ?? {})) add(ai, value);
  if (list.length === 0) throw gs1Error('gs1_empty_input', 'There is nothing to encode: the fields carry no GS1 data.');
  checkAssociations(list);
  return list.sort(compareForEncoding);
}

/** expiryRaw wins (it may carry day 00); when both are given they must name the same date. */
function expiryValue(fields: TGs1Fields, options: TDateOptions): string | undefined {
  if (fields.expiryRaw === undefined) {
    return fields.expiry === undefined ? undefined : yymmddFromIso(fields.expiry, { ai: '17', today: options.today });
  }
  if (fields.expiry !== undefined && !sameDate(fields.expiryRaw, fields.expiry, options.today)) {
    throw gs1Error('gs1_invalid_date', `expiry ${fields.expiry} and expiryRaw ${fields.expiryRaw} name different dates.`, { ai: '17', value: fields.expiryRaw });
  }
  return fields.expiryRaw;
}

/** YYMMDD against YYYY-MM-DD digit by digit (YY = the year's last two digits); day 00 must be the month's last day. */
function sameDate(raw: string, iso: string, today?: Date): boolean {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !/^\d{6}$/.test(raw) || raw.slice(0, 4) !== `${m[1]}${m[2]}`) return false;
  if (raw.slice(4) !== '00') return raw.slice(4) === m[3];
  const { year, month } = readGs1Date(raw, { ai: '17', today });
  return Number(m[3]) === daysInMonth(year, month);
}

export function compareForEncoding(a: TAiElement, b: TAiElement): number {
  const fixedA = hasPredefinedLength(a.ai) ? 0 : 1;
  const fixedB = hasPredefinedLength(b.ai) ? 0 : 1;
  if (fixedA !== fixedB) return fixedA - fixedB;
  return a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0;
}
