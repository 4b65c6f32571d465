'use client';

import { useActionState } from 'react';
import { FormMessage } from '../_components/field';
import { LocalTime } from '../_components/local-time';
import { BUTTON } from '../_components/page-header';
import { runAuditAction, type TAuditAnswer } from './actions';

const IDLE: TAuditAnswer = { state: 'idle' };

/** The button that audits the whole ledger now, and its result: passed, or each failure named. */
export function AuditPanel() {
  const [answer, formAction, pending] = useActionState(runAuditAction, IDLE);
  const number = new Intl.NumberFormat();
  return (
    <div className="space-y-4">
      <form action={formAction}>
        <button type="submit" disabled={pending} className={BUTTON}>
          {pending ? 'Auditing the ledger…' : 'Run the audit now'}
        </button>
      </form>
      {pending ? (
        <p role="status" className="text-slate-700">
          Recomputing every event&apos;s leaf, every period root, the anchor chain and every checkpoint. On a large ledger this takes a while; the page stays usable.
        </p>
      ) : null}
      {answer.state === 'failed' ? <FormMessage tone="error">The audit could not run: {answer.message}</FormMessage> : null}
      {answer.state === 'done' ? (
        <div role={answer.ok ? 'status' : 'alert'} className={`rounded-xl border-4 p-4 ${answer.ok ? 'border-green-700 bg-green-50 text-green-950' : 'border-red-700 bg-red-50 text-red-950'}`}>
          <p className="text-2xl font-extrabold">{answer.ok ? '✓ AUDIT PASSED' : `✕ AUDIT FAILED: ${number.format(answer.summary.failures)} problem${answer.summary.failures === 1 ? '' : 's'}`}</p>
          <p className="mt-1">
            {number.format(answer.summary.events)} events ({number.format(answer.summary.sealedEvents)} sealed, {number.format(answer.summary.unsealedEvents)} waiting), {number.format(answer.summary.anchors)} anchors, {number.format(answer.summary.checkpoints)} checkpoints checked in {number.format(answer.summary.durationMs)} ms · <LocalTime value={answer.finishedAt} />
            {answer.runId ? ` · run #${answer.runId}` : ''}
          </p>
          {answer.failures.length > 0 ? (
            <ol className="mt-3 list-decimal space-y-1 pl-6">
              {answer.failures.map((f, i) => (
                <li key={i}>
                  <span className="font-semibold">{f.subject}</span>: {f.problem}
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
