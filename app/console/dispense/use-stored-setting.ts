'use client';

import { useCallback, useSyncExternalStore } from 'react';

const EVENT = 'pharmatrace:setting';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/**
 * A setting of this counter's browser (the scanner plugged into it),
 * kept in localStorage. The server renders the fallback; the browser's
 * stored value takes over once hydrated, without a mismatch.
 */
export function useStoredSetting(key: string, fallback: string): [string, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(key) ?? fallback,
    () => fallback,
  );
  const set = useCallback(
    (next: string | null) => {
      if (next === null) localStorage.removeItem(key);
      else localStorage.setItem(key, next);
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, set];
}
