'use client';

import { useRef, useState } from 'react';
import { readScan, type TReadScan } from '@/lib/console/read-scan';
import { FormMessage } from '../../_components/field';
import { BUTTON, BUTTON_SECONDARY } from '../../_components/page-header';
import { ScanInput, ScannerSettings, useSeparator, type TScanInputHandle } from '../../_components/scan-input';
import { packScannedAction } from './actions';

type TItem = Extract<TReadScan, { ok: true }> & { problem?: string };

/** Scan packs one by one into the case; each scan is read at once, and all go in with one packing event. */
export function ScanIntoCase({ sscc }: { sscc: string }) {
  const [separator, setSeparator] = useSeparator();
  const [items, setItems] = useState<TItem[]>([]);
  const [feedback, setFeedback] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const scanField = useRef<TScanInputHandle>(null);

  function add(raw: string) {
    const read = readScan(raw, separator);
    if (!read.ok) return setFeedback({ tone: 'error', text: read.message });
    if (items.some((i) => i.key === read.key)) return setFeedback({ tone: 'error', text: 'Already on the list: scan the next pack.' });
    setItems((all) => [...all, read]);
    setFeedback({ tone: 'success', text: `Added ${read.kind === 'pack' ? `pack ${read.serial}` : `case ${read.sscc}`} (${items.length + 1} on the list).` });
  }

  async function pack() {
    setBusy(true);
    const answer = await packScannedAction(sscc, items.map((i) => i.code));
    setBusy(false);
    if (answer.ok) {
      setItems([]);
      setFeedback({ tone: 'success', text: `${answer.count} item${answer.count === 1 ? '' : 's'} packed into case ${sscc}.` });
    } else {
      setItems((all) => all.map((item, index) => ({ ...item, problem: answer.items.find((p) => p.index === index)?.detail })));
      setFeedback({ tone: 'error', text: `Nothing was packed: ${answer.message} Remove the marked items and try again.` });
    }
    scanField.current?.focus();
  }

  return (
    <div className="space-y-4">
      <ScanInput ref={scanField} id="case-scan" label="Scan a pack" hint="Each scan is added to the list below; nothing is recorded until you press Pack." onScan={add} disabled={busy} />
      {feedback ? <FormMessage tone={feedback.tone}>{feedback.text}</FormMessage> : null}
      {items.length > 0 ? (
        <>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label="Scanned items">
            {items.map((item) => (
              <li key={item.key} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className={item.problem ? 'text-red-800' : undefined}>
                  <span className="font-mono">{item.kind === 'pack' ? `SN ${item.serial}` : `SSCC ${item.sscc}`}</span>
                  {item.problem ? <span className="block text-sm">{item.problem}</span> : null}
                </span>
                <button type="button" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))} className="min-h-11 rounded px-3 text-sm font-medium text-slate-700 hover:bg-slate-100" aria-label={`Remove ${item.kind === 'pack' ? item.serial : item.sscc}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={pack} disabled={busy} className={BUTTON}>
              {busy ? 'Packing…' : `Pack ${items.length} item${items.length === 1 ? '' : 's'} into this case`}
            </button>
            <button type="button" onClick={() => setItems([])} disabled={busy} className={BUTTON_SECONDARY}>
              Clear the list
            </button>
          </div>
        </>
      ) : null}
      <ScannerSettings separator={separator} onChange={setSeparator} />
    </div>
  );
}
