'use client';

import { forwardRef, useCallback, useImperativeHandle, useRef, useSyncExternalStore } from 'react';
import { SEPARATOR_SUBSTITUTES, type TSeparatorSubstitute } from '@/lib/console/read-scan';
import { INPUT } from './page-header';

const SEPARATOR_KEY = 'pharmatrace.station.separator';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function savedSeparator(): TSeparatorSubstitute | null {
  const saved = localStorage.getItem(SEPARATOR_KEY);
  return (SEPARATOR_SUBSTITUTES as readonly string[]).includes(saved ?? '') ? (saved as TSeparatorSubstitute) : null;
}

/** The separator substitute this browser's scanner is set to send, remembered per browser (it belongs to the scanner plugged in). */
export function useSeparator(): [TSeparatorSubstitute | null, (s: TSeparatorSubstitute | null) => void] {
  const separator = useSyncExternalStore(subscribe, savedSeparator, () => null);
  const save = useCallback((s: TSeparatorSubstitute | null) => {
    if (s) localStorage.setItem(SEPARATOR_KEY, s);
    else localStorage.removeItem(SEPARATOR_KEY);
    for (const listener of listeners) listener();
  }, []);
  return [separator, save];
}

function SeparatorSetting({ separator, onChange }: { separator: TSeparatorSubstitute | null; onChange: (s: TSeparatorSubstitute | null) => void }) {
  return (
    <label className="block text-sm font-medium text-slate-800">
      Scanner sends the group separator (FNC1) as
      <select value={separator ?? ''} onChange={(e) => onChange((e.target.value || null) as TSeparatorSubstitute | null)} className={`${INPUT} mt-1 w-auto`}>
        <option value="">GS (standard)</option>
        {SEPARATOR_SUBSTITUTES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The "Scanner settings" disclosure under a scan station: which character the scanner sends for GS. */
export function ScannerSettings({ separator, onChange }: { separator: TSeparatorSubstitute | null; onChange: (s: TSeparatorSubstitute | null) => void }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Scanner settings</summary>
      <div className="mt-2">
        <SeparatorSetting separator={separator} onChange={onChange} />
      </div>
    </details>
  );
}

export type TScanInputHandle = { focus: () => void };

/**
 * The scan field of a station. A keyboard-wedge scanner types the code and
 * Enter into whatever has the focus, so the field takes the focus and takes
 * it back whenever it loses it to nothing in particular (a tap on the page);
 * moving to another control on purpose leaves it there. It empties itself
 * after each scan, ready for the next.
 */
export const ScanInput = forwardRef<TScanInputHandle, { id: string; label: string; hint: string; onScan: (raw: string) => void; disabled?: boolean }>(function ScanInput({ id, label, hint, onScan, disabled }, ref) {
  const input = useRef<HTMLInputElement>(null);
  const refocus = useCallback(() => setTimeout(() => input.current?.focus(), 0), []);
  useImperativeHandle(ref, () => ({ focus: refocus }), [refocus]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const raw = input.current?.value ?? '';
        if (input.current) input.current.value = '';
        if (raw.trim()) onScan(raw);
        refocus();
      }}
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <label htmlFor={id} className="block text-base font-semibold text-slate-900">
          {label}
        </label>
        <input
          ref={input}
          id={id}
          type="text"
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onBlur={(e) => {
            if (!e.relatedTarget) refocus();
          }}
          className="mt-1 block min-h-14 w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 font-mono text-xl text-slate-900 focus:border-brand-600 disabled:bg-slate-100"
        />
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      </div>
      <button type="submit" disabled={disabled} className="min-h-14 rounded-md border-2 border-brand-600 bg-white px-5 py-3 text-lg font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60">
        Add
      </button>
    </form>
  );
});
