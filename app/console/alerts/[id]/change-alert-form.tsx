'use client';

import { useActionState, useState } from 'react';
import type { TAlertStatus } from '@/lib/alerts';
import { ACTION_LABEL, RESOLUTION_LABEL } from '../_components/alert-labels';
import { changeAlertAction, type TChangeAlertState } from './actions';

const INITIAL: TChangeAlertState = {};

/** The next steps the alert may take, as buttons; closing asks how it was resolved. */
export function ChangeAlertForm({ id, next }: { id: string; next: readonly Exclude<TAlertStatus, 'OPEN'>[] }) {
  const [state, formAction, pending] = useActionState(changeAlertAction, INITIAL);
  const [closing, setClosing] = useState(false);
  return (
    <form action={formAction} className="space-y-4" aria-label="Work on this alert">
      <input type="hidden" name="id" value={id} />
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
      <label className="block text-sm font-medium text-slate-800">
        Note (seen by every organisation that sees this alert)
        <textarea name="note" rows={3} maxLength={2000} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2" />
      </label>
      {closing ? (
        <label className="block text-sm font-medium text-slate-800">
          Resolution
          <select name="resolution" required defaultValue="" className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 sm:w-80">
            <option value="" disabled>
              How was it resolved?
            </option>
            {Object.entries(RESOLUTION_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {next
          .filter((status) => status !== 'CLOSED')
          .map((status) => (
            <button key={status} type="submit" name="status" value={status} disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70">
              {ACTION_LABEL[status]}
            </button>
          ))}
        {next.includes('CLOSED') ? (
          closing ? (
            <button type="submit" name="status" value="CLOSED" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
              Close with this resolution
            </button>
          ) : (
            <button type="button" onClick={() => setClosing(true)} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Close…
            </button>
          )
        ) : null}
      </div>
    </form>
  );
}
