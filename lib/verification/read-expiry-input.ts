import { AppError } from '@/lib/errors/app-error';
import { daysInMonth, expiryFromYymmdd } from '@/lib/gs1/expiry-from-yymmdd';

/**
 * An expiry date as a person types it from the box. Packs print it in many
 * ways; we read the unambiguous ones: 2027-03-31, the GS1 form 270331 (day
 * 00 = end of month), and month-only 2027-03, 03/2027 or 03/27. A month
 * alone is compared by month, since that is all the box says.
 */
export type TExpiryInput = { expiry: string } | { expiryMonth: string };

export function readExpiryInput(text: string, today?: Date): TExpiryInput {
  const value = text.trim();
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (full) return { expiry: checkedDate(Number(full[1]), Number(full[2]), Number(full[3]), value) };
  if (/^\d{6}$/.test(value)) return { expiry: expiryFromYymmdd(value, today) };
  const parts = monthParts(value);
  if (parts) return { expiryMonth: checkedMonth(parts.year, parts.month, value) };
  throw invalid(value);
}

function monthParts(value: string): { year: number; month: number } | null {
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(value);
  if (isoMonth) return { year: Number(isoMonth[1]), month: Number(isoMonth[2]) };
  const printed = /^(\d{2})\/(\d{4}|\d{2})$/.exec(value);
  if (!printed) return null;
  const year = printed[2]!.length === 4 ? Number(printed[2]) : 2000 + Number(printed[2]);
  return { year, month: Number(printed[1]) };
}

function checkedDate(year: number, month: number, day: number, value: string): string {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalid(value);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function checkedMonth(year: number, month: number, value: string): string {
  if (month < 1 || month > 12 || year < 2000 || year > 2099) throw invalid(value);
  return `${year}-${pad(month)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function invalid(value: string): AppError {
  return new AppError('validation_failed', `"${value.slice(0, 20)}" is not an expiry date. Type it as printed, e.g. 2027-03-31, 270331, 2027-03 or 03/2027.`, {
    errors: [{ pointer: '/expiry', code: 'invalid_date', detail: 'Use 2027-03-31, 270331, 2027-03 or 03/2027.' }],
  });
}
