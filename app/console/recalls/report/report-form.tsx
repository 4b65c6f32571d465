'use client';

import { useActionState } from 'react';
import { reportLossAction, type TReportState } from './actions';

const INITIAL: TReportState = {};

export function ReportForm({ canDestroy }: { canDestroy: boolean }) {
  const [state, formAction, pending] = useActionState(reportLossAction, INITIAL);
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.done}
        </p>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What happened</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="stolen" required /> Stolen
          </label>
          {canDestroy ? (
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" value="destroy" /> Destroyed (returned, expired or damaged stock)
            </label>
          ) : null}
        </div>
      </fieldset>
      <label className="block text-sm font-medium text-slate-800">
        Codes of the packs or cases, one per line (scan them here)
        <textarea name="codes" rows={6} required className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
        {pending ? 'Recording…' : 'Record'}
      </button>
    </form>
  );
}
