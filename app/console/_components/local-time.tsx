'use client';

import { useSyncExternalStore } from 'react';

type TStyle = 'datetime' | 'date' | 'time';

const OPTIONS: Record<TStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'medium' },
};

const subscribe = () => () => undefined;

/**
 * A moment in the reader's own language and time zone, which only the
 * browser knows. The server's HTML (and the first render) shows it in UTC,
 * labelled, so nothing is wrong before scripts run; the browser then
 * re-renders it locally without a hydration mismatch.
 */
export function LocalTime({ value, style = 'datetime', className }: { value: string; style?: TStyle; className?: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(value);
  const text = inBrowser
    ? new Intl.DateTimeFormat(undefined, OPTIONS[style]).format(date)
    : `${new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], timeZone: 'UTC' }).format(date)} UTC`;
  return (
    <time dateTime={value} className={className}>
      {text}
    </time>
  );
}
