import { headers } from 'next/headers';
import { cache } from 'react';

const FALLBACK = 'en-GB';

/**
 * The reader's locale for server-rendered numbers and calendar dates, from
 * the browser's Accept-Language (its first language Intl supports). Times
 * of day need the reader's time zone too, which only the browser knows:
 * those are rendered by the LocalTime client component.
 */
export const requestLocale = cache(async (): Promise<string> => {
  const header = (await headers()).get('accept-language') ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim();
    if (!tag || tag === '*') continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // Not a well-formed language tag: try the next one.
    }
  }
  return FALLBACK;
});

/** A calendar date (YYYY-MM-DD: expiry, manufacturing) in the reader's words; the same day everywhere, so no time zone applies. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A month (YYYY-MM) in the reader's words, short: "Nov 2026". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Today as YYYY-MM-DD (UTC), as the server's date arithmetic and batch expiry comparisons use it. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
