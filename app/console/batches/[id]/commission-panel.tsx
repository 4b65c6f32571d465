'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Field, FormMessage } from '../../_components/field';
import { BUTTON, BUTTON_SECONDARY, LINK } from '../../_components/page-header';
import type { TCommissionLine } from './commission/lines';

type TRun =
  | { phase: 'idle' }
  | { phase: 'running'; count: number; stage: string; fraction: number }
  | { phase: 'done'; count: number; id: string; duplicate: boolean }
  | { phase: 'failed'; message: string; field?: string };

const STAGE_WORDS: Record<string, string> = { preparing: 'Preparing serial numbers', checking: 'Checking', writing: 'Writing packs into the ledger', done: 'Finishing' };
const MAX = 100_000;

/**
 * Commissions N packs with random serials and shows the progress of the
 * one transaction that writes them (read from the NDJSON answer of the
 * commissioning route). Then offers the run's labels and serial list.
 */
export function CommissionPanel({ batchId, lot }: { batchId: string; lot: string }) {
  const router = useRouter();
  const [run, setRun] = useState<TRun>({ phase: 'idle' });
  const [count, setCount] = useState('');
  const key = useRef<{ count: number; key: string } | null>(null);
  const number = new Intl.NumberFormat();

  async function start(event: React.FormEvent) {
    event.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX) return setRun({ phase: 'failed', field: 'count', message: `Enter a whole number of packs from 1 to ${number.format(MAX)}.` });
    // The same key for a retry of this very request (same count), a new one for anything else.
    if (key.current?.count !== n) key.current = { count: n, key: crypto.randomUUID() };
    setRun({ phase: 'running', count: n, stage: 'preparing', fraction: 0 });
    const outcome = await commission(batchId, n, key.current.key, (stage, fraction) => setRun({ phase: 'running', count: n, stage, fraction }));
    if (outcome.phase === 'done') key.current = null;
    setRun(outcome);
    if (outcome.phase === 'done') {
      setCount('');
      router.refresh();
    }
  }

  const running = run.phase === 'running';
  return (
    <form onSubmit={start} noValidate className="space-y-4" aria-label={`Commission packs of lot ${lot}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-64">
          <Field id="commission-count" label="Number of packs" error={run.phase === 'failed' && run.field === 'count' ? run.message : undefined} hint={`1 to ${number.format(MAX)} in one run.`}>
            {(p) => <input {...p} name="count" type="number" min={1} max={MAX} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} disabled={running} />}
          </Field>
        </div>
        <button type="submit" disabled={running} className={`${BUTTON} sm:mb-7`}>
          {running ? 'Commissioning…' : 'Commission packs'}
        </button>
      </div>
      {run.phase === 'running' ? (
        <div className="space-y-1">
          <label htmlFor="commission-progress" className="block text-sm font-medium text-slate-800">
            Commissioning {number.format(run.count)} packs: {STAGE_WORDS[run.stage] ?? run.stage}… {Math.round(run.fraction * 100)}%
          </label>
          <progress id="commission-progress" max={1} value={run.fraction} className="h-4 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600">
            {Math.round(run.fraction * 100)}%
          </progress>
          <p aria-live="polite" className="sr-only">
            {STAGE_WORDS[run.stage] ?? run.stage}
          </p>
        </div>
      ) : null}
      {run.phase === 'failed' && !run.field ? <FormMessage tone="error">{run.message}</FormMessage> : null}
      {run.phase === 'done' ? (
        <div role="status" className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4 text-green-950">
          <p className="font-semibold">
            {run.duplicate ? 'These packs were already commissioned (the request was repeated); nothing new was recorded.' : `${number.format(run.count)} packs commissioned in lot ${lot}, as one commissioning event.`}
          </p>
          <progress max={1} value={1} aria-label="Commissioning progress" className="h-2 w-full [&::-moz-progress-bar]:bg-green-700 [&::-webkit-progress-bar]:bg-green-100 [&::-webkit-progress-value]:bg-green-700">
            100%
          </progress>
          <div className="flex flex-wrap gap-2">
            <Link href={`/console/batches/${batchId}/labels?run=${run.id}`} className={BUTTON}>
              Print labels for these packs
            </Link>
            <a href={`/console/batches/${batchId}/serials?run=${run.id}`} className={BUTTON_SECONDARY} download>
              Download the serial list (CSV)
            </a>
          </div>
          <p className="text-sm">
            Next: <Link href="/console/shipping" className={LINK}>pack them into cases</Link>.
          </p>
        </div>
      ) : null}
    </form>
  );
}

async function commission(batchId: string, count: number, idempotencyKey: string, onProgress: (stage: string, fraction: number) => void): Promise<TRun> {
  let response: Response;
  try {
    response = await fetch(`/console/batches/${batchId}/commission`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ count }),
      cache: 'no-store',
    });
  } catch {
    return { phase: 'failed', message: 'No connection to the server. Press the button again: if the first request got through, nothing is commissioned twice.' };
  }
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; status?: number };
    if (response.status === 401) return { phase: 'failed', message: 'Your session has ended. Sign in again, then commission.' };
    return { phase: 'failed', message: problem.detail ?? `The server answered ${response.status}.` };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as TCommissionLine;
        buffer = buffer.slice(newline + 1);
        if (line.type === 'progress') onProgress(line.stage, line.fraction);
        else if (line.type === 'done') return { phase: 'done', count: line.count, id: line.id, duplicate: line.duplicate };
        else return { phase: 'failed', message: line.detail };
      }
    }
  } catch {
    // Fall through: the connection broke mid-way.
  }
  return { phase: 'failed', message: 'The connection broke before the answer came. Press the button again: the server recognises the repeated request and does not commission twice.' };
}
