'use client';

import { useState } from 'react';

/** A secret shown this once, with a copy button. */
export function CopyOnce({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-4">
      <label htmlFor="secret-once" className="block text-sm font-semibold text-brand-800">
        {label}
      </label>
      <p className="mt-1 text-sm text-slate-700">{note}</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id="secret-once"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
