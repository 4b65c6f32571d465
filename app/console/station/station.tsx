'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { judgeScan, type TStationMode } from '@/lib/console/judge-scan';
import type { TIncomingShipment } from '@/lib/console/list-incoming';
import { readScan } from '@/lib/console/read-scan';
import { FormMessage } from '../_components/field';
import { BUTTON, BUTTON_SECONDARY, INPUT } from '../_components/page-header';
import { ScanInput, ScannerSettings, useSeparator, type TScanInputHandle } from '../_components/scan-input';
import { inspectAction, recordAction } from './actions';
import { IncomingChecklist, ScanFeedback, type TScanned } from './station-parts';

type TDestination = { gln: string; name: string; role: string };

const MODE_TEXT: Record<TStationMode, { tab: string; scan: string; confirm: (n: number, where: string) => string; done: string }> = {
  receive: { tab: 'Receive', scan: 'Scan what arrived (case labels, or loose packs)', confirm: (n) => `Record receipt of ${n} item${n === 1 ? '' : 's'}`, done: 'received' },
  'put-away': { tab: 'Put away', scan: 'Scan what goes into storage', confirm: (n, where) => `Put ${n} item${n === 1 ? '' : 's'} away${where ? ` in ${where}` : ''}`, done: 'put away' },
  ship: { tab: 'Pick & ship', scan: 'Scan what you pick (cases or packs)', confirm: (n, where) => `Ship ${n} item${n === 1 ? '' : 's'}${where ? ` to ${where}` : ''}`, done: 'shipped' },
  return: { tab: 'Return', scan: 'Scan what goes back', confirm: (n, where) => `Return ${n} item${n === 1 ? '' : 's'}${where ? ` to ${where}` : ''}`, done: 'returned' },
};

/** This browser's offset from UTC as ±hh:mm, so events read in the station's local time. */
function localOffset(): string {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The scan station of a warehouse or a pharmacy's goods-in: choose what you
 * are doing, scan with a hand scanner (keyboard wedge) or type, see at once
 * what each scan is and whether it belongs, then record the list in one
 * transaction. Receiving checks what arrives against the shipments on
 * their way and shows the differences.
 */
export function Station({ modes, destinations, initialIncoming, canWrite }: { modes: TStationMode[]; destinations: TDestination[]; initialIncoming: TIncomingShipment[]; canWrite: boolean }) {
  const [mode, setMode] = useState<TStationMode>(modes[0] as TStationMode);
  const [separator, setSeparator] = useSeparator();
  const [scans, setScans] = useState<TScanned[]>([]);
  const [incoming, setIncoming] = useState(initialIncoming);
  const [to, setTo] = useState('');
  const [bin, setBin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string; problems?: string[] } | null>(null);
  const counter = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const scanField = useRef<TScanInputHandle>(null);

  const accepted = useMemo(() => scans.filter((s) => s.judgement.accept), [scans]);
  const scannedKeys = useMemo(() => new Set(accepted.map((s) => s.key as string)), [accepted]);

  // Keys on the list, kept in step synchronously: scans are handled faster than React renders.
  const listed = useRef(new Set<string>());
  const push = useCallback((scan: Omit<TScanned, 'id' | 'at'>) => {
    if (scan.judgement.accept && scan.key) listed.current.add(scan.key);
    setScans((all) => [{ ...scan, id: ++counter.current, at: new Date().toISOString() }, ...all]);
  }, []);
  const clear = useCallback(() => {
    listed.current.clear();
    setScans([]);
  }, []);
  const remove = useCallback((scan: TScanned) => {
    if (scan.key) listed.current.delete(scan.key);
    setScans((all) => all.filter((x) => x.id !== scan.id));
  }, []);

  // Scans are handled one after another, in the order they came: a fast scanner can send the next before the last is answered.
  const onScan = useCallback(
    (raw: string) => {
      queue.current = queue.current.then(async () => {
        setOutcome(null);
        const read = readScan(raw, separator);
        if (!read.ok) return push({ key: null, code: raw, judgement: { accept: false, tone: 'caution', word: 'NOT READ', message: read.message, label: raw.trim().slice(0, 80) } });
        if (listed.current.has(read.key)) return push({ key: read.key, code: read.code, judgement: { accept: false, tone: 'caution', word: 'ALREADY SCANNED', message: 'This is already on the list: scan the next one.', label: read.kind === 'case' ? `Case ${read.sscc}` : `SN ${read.serial}` } });
        const answer = await inspectAction(read.code);
        if (!answer.ok) return push({ key: null, code: read.code, judgement: { accept: false, tone: 'caution', word: answer.signedOut ? 'SIGNED OUT' : 'NOT CHECKED', message: answer.message, label: read.code } });
        push({ key: read.key, code: read.code, judgement: judgeScan(mode, answer.inspection) });
      });
    },
    [separator, mode, push],
  );

  async function record() {
    const where = destinations.find((d) => d.gln === to)?.name ?? '';
    setBusy(true);
    const answer = await recordAction({ mode, codes: accepted.map((s) => s.code), to: to || undefined, bin: bin || undefined, timeZoneOffset: localOffset() });
    setBusy(false);
    if (answer.ok) {
      const n = accepted.length;
      clear();
      if (mode === 'receive') setIncoming(answer.incoming);
      const alerts = answer.alerts.length > 0 ? ` ${answer.alerts.length} anomal${answer.alerts.length === 1 ? 'y was' : 'ies were'} recorded as alerts for the parties to settle.` : '';
      setOutcome({ tone: 'success', text: `${n} item${n === 1 ? '' : 's'} ${MODE_TEXT[mode].done}${mode === 'ship' || mode === 'return' ? ` to ${where}` : mode === 'put-away' && bin ? ` in ${bin}` : ''}.${alerts}` });
    } else {
      setOutcome({ tone: 'error', text: answer.message, problems: answer.problems });
    }
    scanField.current?.focus();
  }

  const latest = scans[0];
  const needsDestination = mode === 'ship' || mode === 'return';
  const where = needsDestination ? (destinations.find((d) => d.gln === to)?.name ?? '') : bin;
  const ready = accepted.length > 0 && (!needsDestination || to !== '') && canWrite;
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What are you doing?</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {modes.map((m) => (
            <label key={m} className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 px-4 py-2 text-base font-semibold ${m === mode ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-800'} ${accepted.length > 0 && m !== mode ? 'cursor-not-allowed opacity-60' : ''}`}>
              <input type="radio" name="station-mode" value={m} checked={m === mode} disabled={accepted.length > 0 && m !== mode} onChange={() => (setMode(m), clear(), setOutcome(null), scanField.current?.focus())} className="h-5 w-5" />
              {MODE_TEXT[m].tab}
            </label>
          ))}
        </div>
        {accepted.length > 0 ? <p className="mt-1 text-sm text-slate-600">Record or clear the list to change what you are doing.</p> : null}
      </fieldset>
      {needsDestination ? (
        <div className="max-w-xl">
          <label htmlFor="station-to" className="block text-sm font-medium text-slate-800">{mode === 'ship' ? 'Ship to' : 'Return to'}</label>
          <select id="station-to" value={to} onChange={(e) => setTo(e.target.value)} className={`${INPUT} mt-1`}>
            <option value="">Choose the destination…</option>
            {[...new Set(destinations.map((d) => d.role))].map((role) => (
              <optgroup key={role} label={role}>
                {destinations.filter((d) => d.role === role).map((d) => <option key={d.gln} value={d.gln}>{d.name} (GLN {d.gln})</option>)}
              </optgroup>
            ))}
          </select>
        </div>
      ) : null}
      {mode === 'put-away' ? (
        <div className="max-w-xs">
          <label htmlFor="station-bin" className="block text-sm font-medium text-slate-800">Storage location (optional)</label>
          <input id="station-bin" value={bin} maxLength={20} onChange={(e) => setBin(e.target.value.toUpperCase())} aria-describedby="station-bin-hint" className={`${INPUT} mt-1 font-mono`} />
          <p id="station-bin-hint" className="mt-1 text-sm text-slate-600">Aisle, rack or bin, e.g. A-12-3.</p>
        </div>
      ) : null}
      <ScanInput ref={scanField} id="station-scan" label={MODE_TEXT[mode].scan} hint="The scanner types the code and Enter; or type it and press Enter. Nothing is recorded until you confirm the list." onScan={onScan} disabled={busy} />
      {outcome ? (
        <div className="space-y-1">
          <FormMessage tone={outcome.tone}>{outcome.text}</FormMessage>
          {outcome.problems && outcome.problems.length > 0 ? (
            <ul className="list-disc pl-6 text-sm text-red-900">
              {outcome.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
      {latest ? <ScanFeedback key={latest.id} scan={latest} number={latest.id} /> : null}
      <div className="grid gap-5 xl:grid-cols-2">
        <section aria-labelledby="to-record" className="space-y-3">
          <h2 id="to-record" className="text-lg font-semibold">
            To record: {accepted.length} item{accepted.length === 1 ? '' : 's'}
          </h2>
          {accepted.length === 0 ? (
            <p className="text-slate-700">Scan the first item.</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label="Items to record">
              {accepted.map((s) => (
                <li key={s.id} className="flex items-center justify-between gap-3 px-3 py-2">
                  <span className="min-w-0 break-words">{s.judgement.label}</span>
                  <button type="button" onClick={() => remove(s)} className="min-h-11 shrink-0 rounded px-3 text-sm font-medium text-slate-700 hover:bg-slate-100" aria-label={`Remove ${s.judgement.label}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={record} disabled={!ready || busy} className={BUTTON}>
              {busy ? 'Recording…' : MODE_TEXT[mode].confirm(accepted.length, where)}
            </button>
            {scans.length > 0 ? (
              <button type="button" onClick={() => (clear(), setOutcome(null))} disabled={busy} className={BUTTON_SECONDARY}>
                Clear the list
              </button>
            ) : null}
          </div>
          {needsDestination && accepted.length > 0 && !to ? <p className="text-sm font-medium text-amber-900">Choose the destination above.</p> : null}
          {!canWrite ? <p className="text-sm text-slate-700">Your role may look, not record: ask an operator to confirm the list.</p> : null}
        </section>
        {mode === 'receive' ? <IncomingChecklist incoming={incoming} scannedKeys={scannedKeys} rejected={scans.filter((s) => !s.judgement.accept && s.key !== null && s.judgement.tone === 'danger')} /> : <ScanLog scans={scans} />}
      </div>
      <ScannerSettings separator={separator} onChange={setSeparator} />
    </div>
  );
}

/** The scans of this session with their verdicts, newest first. */
function ScanLog({ scans }: { scans: TScanned[] }) {
  if (scans.length === 0) return null;
  return (
    <section aria-labelledby="scan-log">
      <h2 id="scan-log" className="text-lg font-semibold">Scans</h2>
      <ol className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {scans.slice(0, 30).map((s) => (
          <li key={s.id} className="px-3 py-2">
            <span className={`font-bold ${s.judgement.tone === 'good' ? 'text-green-800' : s.judgement.tone === 'caution' ? 'text-amber-800' : 'text-red-800'}`}>#{s.id} {s.judgement.word}</span> · {s.judgement.label}
          </li>
        ))}
      </ol>
    </section>
  );
}
