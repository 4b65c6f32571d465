/**
 * EPCIS timestamps are xsd:dateTimeStamp: a date-time WITH a time zone. A
 * time without an offset is ambiguous by up to 26 hours, which is enough to
 * put a dispensing before the receipt it follows, so it is refused rather
 * than guessed.
 */

export type TDateTimeResult = { ok: true; utc: string } | { ok: false; reason: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,30}))?(.*)$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const EXAMPLE = 'e.g. 2026-01-02T03:04:05.000+01:00';

/**
 * Reads an xsd:dateTimeStamp ("2005-04-03T20:33:31.116000-06:00") and gives
 * the same instant as ISO-8601 UTC with exactly three decimals and "Z"
 * ("2005-04-04T02:33:31.116Z"); a fourth decimal of 5-9 rounds the third up,
 * as the CBV 2.0 event hash requires. `reason` completes a sentence that
 * starts with the field's name.
 */
export function readDateTime(input: string): TDateTimeResult {
  const match = DATE_TIME.exec(input);
  if (!match) return { ok: false, reason: `'${clip(input)}' is not an ISO 8601 date-time with a time zone (${EXAMPLE})` };
  const [, year, month, day, hour, minute, second, fraction = '', zone = ''] = match as unknown as string[];
  if (zone === '') return { ok: false, reason: `'${clip(input)}' has no time zone offset; add Z or ±hh:mm (${EXAMPLE})` };
  const offsetMinutes = zone === 'Z' || zone === 'z' ? 0 : offsetToMinutes(zone);
  if (offsetMinutes === null) return { ok: false, reason: `'${clip(input)}' has an impossible time zone offset '${clip(zone)}'; use Z or ±hh:mm between -14:00 and +14:00` };
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  if (!isRealDateTime(...fields)) return { ok: false, reason: `'${clip(input)}' is not a real date and time` };
  const epoch = utcEpoch(...fields) - offsetMinutes * 60_000 + roundedMilliseconds(fraction);
  const utc = new Date(epoch);
  if (!(utc.getUTCFullYear() >= 1 && utc.getUTCFullYear() <= 9999)) return { ok: false, reason: `'${clip(input)}' is outside the years 0001 to 9999` };
  return { ok: true, utc: utc.toISOString() };
}

/** True for an eventTimeZoneOffset: ±hh:mm from -14:00 to +14:00 (the pattern of GS1's schema). */
export function isTimeZoneOffset(input: string): boolean {
  return offsetToMinutes(input) !== null;
}

/** True for a calendar date YYYY-MM-DD that exists. */
export function isIsoDate(input: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  return match !== null && isRealDateTime(Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0);
}

function offsetToMinutes(zone: string): number | null {
  const match = OFFSET.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (minutes > 59 || hours > 14 || (hours === 14 && minutes !== 0)) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function isRealDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(utcEpoch(year, month + 1, 0, 0, 0, 0)).getUTCDate();
}

/** Date.UTC without its two-digit-year quirk (years 0-99 would become 1900-1999). */
function utcEpoch(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function roundedMilliseconds(fraction: string): number {
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  return fraction.length > 3 && (fraction[3] as string) >= '5' ? milliseconds + 1 : milliseconds;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
