import { gs1Error, quote } from './gs1-error';

/** A GS1 six-digit date read and checked; `day` 0 means "day not given" (YYMM00). */
export type TGs1Date = { year: number; month: number; day: number };

type TDateContext = { ai?: string; position?: number; today?: Date };

/**
 * The full year of a two-digit GS1 year (General Specifications §7.12):
 * with CY the last two digits of the current year, a YY with YY - CY in
 * 51..99 is in the previous century, in -99..-50 in the next one, and
 * otherwise (-49..50) in the current century. So a pack printed today can
 * carry an expiry up to 50 years ahead and a production date up to 49 back.
 */
export function centuryYear(yy: number, today: Date = new Date()): number {
  const currentYear = today.getUTCFullYear();
  const century = currentYear - (currentYear % 100);
  const diff = yy - (currentYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads YYMMDD; rejects a 13th month or a 30 February with gs1_invalid_date. Day "00" is allowed. */
export function readGs1Date(yymmdd: string, context: TDateContext = {}): TGs1Date {
  const where = context.ai ? ` in AI (${context.ai})` : '';
  const extra = { ai: context.ai, position: context.position, value: yymmdd };
  if (!/^\d{6}$/.test(yymmdd)) {
    throw gs1Error('gs1_invalid_date', `The date ${quote(yymmdd)}${where} is not six digits YYMMDD.`, extra);
  }
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const year = centuryYear(Number(yymmdd.slice(0, 2)), context.today);
  if (month < 1 || month > 12) {
    throw gs1Error('gs1_invalid_date', `The date ${yymmdd}${where} has month ${yymmdd.slice(2, 4)}; months run from 01 to 12.`, extra);
  }
  const last = daysInMonth(year, month);
  if (day > last) {
    throw gs1Error('gs1_invalid_date', `The date ${yymmdd}${where} has day ${yymmdd.slice(4, 6)}, but ${monthName(month)} ${year} has ${last} days.`, extra);
  }
  return { year, month, day };
}

/**
 * The calendar date (YYYY-MM-DD) of an expiry YYMMDD (AI 17). Day "00" means
 * the last day of the month (General Specifications §3.4.5), so 270200 is
 * 2027-02-28. `today` fixes the century (§7.12); it defaults to now.
 */
export function expiryFromYymmdd(yymmdd: string, today?: Date): string {
  const { year, month, day } = readGs1Date(yymmdd, { ai: '17', today });
  return isoDate(year, month, day === 0 ? daysInMonth(year, month) : day);
}

/** A production date (AI 11) as YYYY-MM-DD, or YYYY-MM when the code gives day "00". */
export function productionDateFromYymmdd(yymmdd: string, today?: Date): string {
  const { year, month, day } = readGs1Date(yymmdd, { ai: '11', today });
  return day === 0 ? isoDate(year, month) : isoDate(year, month, day);
}

/**
 * YYMMDD for a calendar date (YYYY-MM-DD, or YYYY-MM for "day not given").
 * Refuses a year that the century rule would read back as another year, so
 * an encoded date never silently changes meaning.
 */
export function yymmddFromIso(iso: string, context: TDateContext & { monthOnly?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const where = context.ai ? ` for AI (${context.ai})` : '';
  if (!m || (m[3] === undefined && !context.monthOnly)) {
    throw gs1Error('gs1_invalid_date', `The date ${quote(iso)}${where} is not a date of the form YYYY-MM-DD.`, { ai: context.ai, value: iso });
  }
  if (m[3] === '00') {
    throw gs1Error('gs1_invalid_date', `The date ${iso}${where} has day 00; give the day, or use YYYY-MM for a month.`, { ai: context.ai, value: iso });
  }
  const yymmdd = `${(m[1] as string).slice(2)}${m[2]}${m[3] ?? '00'}`;
  const read = readGs1Date(yymmdd, context);
  if (read.year !== Number(m[1])) {
    throw gs1Error(
      'gs1_invalid_date',
      `The date ${iso}${where} cannot be written as YYMMDD: a scanner would read ${yymmdd} as the year ${read.year} (GS1 century rule).`,
      { ai: context.ai, value: iso },
    );
  }
  return yymmdd;
}

function isoDate(year: number, month: number, day?: number): string {
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return day === undefined ? ym : `${ym}-${String(day).padStart(2, '0')}`;
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] as string;
}
