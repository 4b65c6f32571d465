'use client';

import type { TStepProof } from '@/lib/verification/proof/check-step-proof';
import { formatEventTime } from '@/lib/verification/journey-words';

export type TProofState =
  | { phase: 'checking' }
  | { phase: 'pending'; expectedSealBy: string }
  | { phase: 'unavailable'; detail: string }
  | { phase: 'verified' | 'failed'; proof: TStepProof; text: string };

/** One event's proof as the visitor's browser found it: a tick only for a proof it recomputed itself. */
export function ProofLine({ state, title, eventId, onRetry }: { state: TProofState; title: string; eventId: string; onRetry?: () => void }) {
  switch (state.phase) {
    case 'checking':
      return <p className="mt-1 text-sm text-slate-700">Checking the proof…</p>;
    case 'pending':
      return (
        <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <span>
            <Mark kind="pending" /> Recorded, seal pending: the ledger seals it by about {formatEventTime(state.expectedSealBy, '+00:00')}; checked again then.
          </span>
          {onRetry ? <RetryButton onClick={onRetry} label={`Check the proof again: ${title}`} text="Check now" /> : null}
        </div>
      );
    case 'unavailable':
      return (
        <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <span>
            <Mark kind="pending" /> Not checked: {state.detail}
          </span>
          {onRetry ? <RetryButton onClick={onRetry} label={`Try the proof again: ${title}`} text="Try again" /> : null}
        </div>
      );
    default:
      return (
        <div className="mt-1 text-sm">
          {state.proof.ok ? <Verified proof={state.proof} /> : <Broken proof={state.proof} />}
          <DownloadButton text={state.text} eventId={eventId} title={title} />
        </div>
      );
  }
}

function Verified({ proof }: { proof: Extract<TStepProof, { ok: true }> }) {
  return (
    <p className="break-words text-green-900">
      <Mark kind="ok" /> <strong>Proven in your browser:</strong> included in anchor #{proof.anchorSeq}, sealed with the period ending {formatEventTime(proof.periodEnd, '+00:00')}; checkpoint of{' '}
      {proof.logSize} anchors signed by {proof.keyName} (key {proof.keyId}).
    </p>
  );
}

function Broken({ proof }: { proof: Extract<TStepProof, { ok: false }> }) {
  const { broken } = proof;
  return (
    <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p>
        <Mark kind="broken" /> <strong>Proof broken at: {broken.label}.</strong> {broken.detail ?? ''}
      </p>
      {broken.expected !== undefined || broken.computed !== undefined ? (
        <dl className="mt-2 grid gap-x-3 break-all font-mono text-xs sm:grid-cols-[max-content_1fr]">
          <dt>expected</dt>
          <dd>{broken.expected ?? '—'}</dd>
          <dt>computed</dt>
          <dd>{broken.computed ?? '—'}</dd>
        </dl>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer">Every link checked</summary>
        <ul className="mt-1 space-y-1 break-all">
          {proof.checks.map((check) => (
            <li key={check.id}>
              <Mark kind={check.ok ? 'ok' : 'broken'} /> {check.label}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function Mark({ kind }: { kind: 'ok' | 'broken' | 'pending' }) {
  const text = { ok: '✓', broken: '✗', pending: '…' }[kind];
  const label = { ok: 'Verified', broken: 'Failed', pending: 'Waiting' }[kind];
  return (
    <span role="img" aria-label={label} className={kind === 'ok' ? 'font-bold text-green-800' : kind === 'broken' ? 'font-bold text-red-800' : 'text-slate-700'}>
      {text}
    </span>
  );
}

function RetryButton({ onClick, label, text }: { onClick: () => void; label: string; text: string }) {
  return (
    <button type="button" onClick={onClick} aria-label={label} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100">
      {text}
    </button>
  );
}

/** Saves the bundle exactly as received, for `npm run verify -- <file> --key <verifier key>`. */
function DownloadButton({ text, eventId, title }: { text: string; eventId: string; title: string }) {
  const save = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `proof-${/sha-256;([0-9a-f]{12})/.exec(eventId)?.[1] ?? 'event'}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" onClick={save} aria-label={`Download proof: ${title}`} className="mt-2 min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100">
      Download proof
    </button>
  );
}
