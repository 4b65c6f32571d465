'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { checkStepProof, type TStepProof } from '@/lib/verification/proof/check-step-proof';
import { fetchLedgerKey, fetchProof, type TLedgerKeyView } from '@/lib/verification/proof/fetch-proof';
import { ProofLine, type TProofState } from './proof-line';

/**
 * The journey (or a batch's commissioning), each step proved in the
 * visitor's browser: the page fetches the platform's key and one proof
 * bundle per event, and shows a tick only after lib/verify recomputed every
 * link and the bundle was shown to be about this pack and this event
 * (checkStepProof). Events not sealed yet are checked again when their
 * period should be sealed. Nothing here takes the server's word.
 */
export type TProofItem = {
  eventId: string;
  /** The identifier the proof must show the event names (the pack, or its case); null for a batch's commissioning. */
  epc: string | null;
  /** Facts the page shows about the event, each checked against the proven record. */
  shown: Record<string, unknown>;
  title: string;
  when: string;
  note?: string;
};

const MAX_PENDING_CHECKS = 20;

export function ProofList({ items, heading }: { items: TProofItem[]; heading: string }) {
  const [key, setKey] = useState<TLedgerKeyView | null | 'loading'>('loading');
  const [states, setStates] = useState<TProofState[]>(() => items.map(() => ({ phase: 'checking' })));
  const attempts = useRef<number[]>(items.map(() => 0));
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

  const setState = useCallback((index: number, state: TProofState) => setStates((all) => all.map((s, i) => (i === index ? state : s))), []);

  const check = useCallback(
    async (index: number, trusted: TLedgerKeyView) => {
      const item = items[index]!;
      setState(index, { phase: 'checking' });
      const fetched = await fetchProof(item.eventId, item.epc);
      if (fetched.state === 'unavailable') return setState(index, { phase: 'unavailable', detail: fetched.detail });
      if (fetched.state === 'pending') {
        setState(index, { phase: 'pending', expectedSealBy: fetched.expectedSealBy });
        if (++attempts.current[index]! <= MAX_PENDING_CHECKS) {
          const wait = Math.min(60_000, Math.max(2_000, Date.parse(fetched.expectedSealBy) - Date.now() + 500));
          timers.current.push(setTimeout(() => void check(index, trusted), wait));
        }
        return;
      }
      // checkStepProof never throws; a bundle it cannot read is a failed 'format' link, shown as broken.
      const proof: TStepProof = checkStepProof(fetched.bundle, { eventId: item.eventId, namedKey: item.epc, shown: item.shown }, trusted.verifierKey);
      setState(index, { phase: proof.ok ? 'verified' : 'failed', proof, text: fetched.text });
    },
    [items, setState],
  );

  const checkAll = useCallback(async () => {
    const trusted = await fetchLedgerKey();
    setKey(trusted);
    if (!trusted) return setStates(items.map(() => ({ phase: 'unavailable', detail: "The platform's ledger key could not be fetched, so no proof can be checked." })));
    await Promise.all(items.map((_item, index) => check(index, trusted)));
  }, [check, items]);

  useEffect(() => {
    const pending = timers.current;
    // Checking starts as soon as the page is interactive: fetching and verifying, not rendering.
    void checkAll();
    return () => pending.forEach(clearTimeout);
  }, [checkAll]);

  return (
    <section aria-labelledby="journey-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="journey-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <ProofSummary states={states} />
      <KeyPanel trusted={key} />
      <ol className="mt-4 space-y-4">
        {items.map((item, index) => (
          <li key={item.eventId} className="min-w-0 break-words border-l-4 border-slate-300 pl-4">
            <p className="font-semibold text-slate-900">{item.title}</p>
            <p className="text-sm text-slate-700">{item.when}</p>
            {item.note ? <p className="text-sm text-slate-700">{item.note}</p> : null}
            <ProofLine state={states[index]!} title={item.title} eventId={item.eventId} onRetry={key && key !== 'loading' ? () => void check(index, key) : undefined} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProofSummary({ states }: { states: TProofState[] }) {
  const count = (phase: TProofState['phase']) => states.filter((s) => s.phase === phase).length;
  const failed = count('failed');
  const pending = count('pending');
  const checking = count('checking');
  const verified = count('verified');
  let text: string;
  if (failed > 0) text = `Warning: the proof of ${failed} event${failed === 1 ? ' is' : 's are'} broken. Do not rely on this page; see the crosses below.`;
  else if (checking > 0) text = `Checking ${states.length} proof${states.length === 1 ? '' : 's'} in your browser…`;
  else if (verified === states.length) text = `All ${states.length} event${states.length === 1 ? ' is' : 's are'} proven by the ledger, checked in your browser.`;
  else text = `${verified} of ${states.length} events proven in your browser${pending > 0 ? `; ${pending} recorded and waiting for the ledger's next seal (checked again automatically)` : ''}.`;
  return (
    <p role="status" className={`mt-2 rounded-md px-3 py-2 text-sm font-medium ${failed > 0 ? 'bg-red-50 text-red-900' : 'bg-slate-100 text-slate-800'}`}>
      {text}
    </p>
  );
}

function KeyPanel({ trusted }: { trusted: TLedgerKeyView | null | 'loading' }) {
  if (trusted === 'loading' || trusted === null) return null;
  return (
    <details className="mt-3 text-sm text-slate-700">
      <summary className="cursor-pointer break-words py-2 font-medium text-slate-800">
        Checked against the ledger key {trusted.name}, fingerprint <span className="font-mono">{trusted.keyId}</span>
      </summary>
      <p className="mt-1">Compare this key with the one the platform and the medicines regulator publish. A different key means you are not looking at the genuine ledger.</p>
      <p className="mt-2 break-all font-mono text-xs">{trusted.verifierKey}</p>
      <p className="mt-1 break-all font-mono text-xs">Ed25519 public key: {trusted.publicKey}</p>
    </details>
  );
}
