'use client';

import { useCallback, useRef, useState } from 'react';
import { ScanButton } from '@/app/verify/_components/scan-button';
import { GS_SUBSTITUTES, type TGsSubstitute } from '@/lib/verification/read-counter-code';
import { callCounter } from './counter-api';
import { CounterHistory, type TScanRow } from './counter-history';
import { CounterResult } from './counter-result';
import { useStoredSetting } from './use-stored-setting';

type TMode = 'dispense' | 'verify';

const MODE_KEY = 'pharmatrace.counter.mode';
const SEPARATOR_KEY = 'pharmatrace.counter.separator';

/**
 * The dispensing screen for a busy counter: the input keeps the focus for
 * a hand scanner (keyboard wedge: it types the code and Enter), each scan
 * gets a large result with icon and word, and the session's scans are
 * listed with an undo on each dispensing. "Verify only" checks stock
 * without decommissioning.
 */
export function CounterScreen({ canDispense, canVerify }: { canDispense: boolean; canVerify: boolean }) {
  const [storedMode, setStoredMode] = useStoredSetting(MODE_KEY, canDispense ? 'dispense' : 'verify');
  const [storedSeparator, setStoredSeparator] = useStoredSetting(SEPARATOR_KEY, '');
  const mode: TMode = storedMode === 'verify' && canVerify ? 'verify' : canDispense ? 'dispense' : 'verify';
  const separator = (GS_SUBSTITUTES as readonly string[]).includes(storedSeparator) ? (storedSeparator as TGsSubstitute) : null;
  const [rows, setRows] = useState<TScanRow[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const refocus = useCallback(() => setTimeout(() => input.current?.focus(), 0), []);

  const submit = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code || busy) return;
      setBusy(true);
      const id = ++counter.current;
      const outcome = await callCounter(mode, code, separator);
      setRows((all) => [{ id, at: new Date().toISOString(), code, mode, outcome }, ...all]);
      setBusy(false);
      if (input.current) input.current.value = '';
      refocus();
    },
    [busy, mode, separator, refocus],
  );

  const undo = useCallback(
    async (row: TScanRow) => {
      setRows((all) => all.map((r) => (r.id === row.id ? { ...r, undoing: true } : r)));
      const outcome = await callCounter('undo', row.code, separator);
      const id = ++counter.current;
      setRows((all) => [{ id, at: new Date().toISOString(), code: row.code, mode: 'undo' as const, outcome }, ...all.map((r) => (r.id === row.id ? { ...r, undoing: false, undone: outcome.kind === 'restored' } : r))]);
      refocus();
    },
    [separator, refocus],
  );

  const latest = rows[0];
  return (
    <div className="space-y-6">
      <Settings mode={mode} canDispense={canDispense} canVerify={canVerify} separator={separator} onMode={(m) => (setStoredMode(m), refocus())} onSeparator={(s) => (setStoredSeparator(s), refocus())} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(input.current?.value ?? '');
        }}
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <div className="flex-1">
          <label htmlFor="counter-code" className="block text-base font-semibold text-slate-900">
            {mode === 'dispense' ? 'Scan the pack to dispense' : 'Scan the pack to verify'}
          </label>
          <input
            ref={input}
            id="counter-code"
            type="text"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            aria-describedby="counter-hint"
            onBlur={(e) => {
              // Keep the focus for the hand scanner unless the person moved to another control on purpose.
              if (!e.relatedTarget) refocus();
            }}
            className="mt-1 block min-h-14 w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 font-mono text-xl text-slate-900 focus:border-brand-600"
          />
          <p id="counter-hint" className="mt-1 text-sm text-slate-700">
            The scanner types the code and Enter. Or type it and press Enter.
          </p>
        </div>
        <button type="submit" disabled={busy} className="min-h-14 rounded-md bg-brand-600 px-6 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {busy ? 'Checking…' : mode === 'dispense' ? 'Dispense' : 'Verify'}
        </button>
        <ScanButton onCode={(code) => void submit(code)} className="flex min-h-14 items-center justify-center gap-2 rounded-md border-2 border-brand-600 bg-white px-5 py-3 text-lg font-semibold text-brand-800 hover:bg-brand-50" />
      </form>
      {latest ? <CounterResult key={latest.id} outcome={latest.outcome} scanNumber={latest.id} /> : null}
      <CounterHistory rows={rows} onUndo={(row) => void undo(row)} />
    </div>
  );
}

function Settings(props: { mode: TMode; canDispense: boolean; canVerify: boolean; separator: TGsSubstitute | null; onMode: (mode: TMode) => void; onSeparator: (s: TGsSubstitute | null) => void }) {
  const { mode, canDispense, canVerify, separator, onMode, onSeparator } = props;
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Mode</legend>
        <div className="mt-1 flex gap-2">
          {canDispense ? <ModeChoice value="dispense" label="Dispense (verify and decommission)" checked={mode === 'dispense'} onChange={onMode} /> : null}
          {canVerify ? <ModeChoice value="verify" label="Verify only" checked={mode === 'verify'} onChange={onMode} /> : null}
        </div>
      </fieldset>
      <label className="text-sm font-medium text-slate-800">
        Scanner sends the group separator (FNC1) as
        <select value={separator ?? ''} onChange={(e) => onSeparator((e.target.value || null) as TGsSubstitute | null)} className="mt-1 block min-h-11 rounded-md border border-slate-400 bg-white px-2 text-base">
          <option value="">GS (standard)</option>
          {GS_SUBSTITUTES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function ModeChoice({ value, label, checked, onChange }: { value: TMode; label: string; checked: boolean; onChange: (mode: TMode) => void }) {
  return (
    <label className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 px-3 py-2 text-base font-medium ${checked ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-800'}`}>
      <input type="radio" name="counter-mode" value={value} checked={checked} onChange={() => onChange(value)} className="h-5 w-5" />
      {label}
    </label>
  );
}


