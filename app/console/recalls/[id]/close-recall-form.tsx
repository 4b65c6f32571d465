'use client';

import { useActionState } from 'react';
import { closeRecallAction, type TCloseRecallState } from '../actions';

const INITIAL: TCloseRecallState = {};

export function CloseRecallForm({ id }: { id: string }) {
  const [state, formAction, pending] = useActionState(closeRecallAction, INITIAL);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <label className="block text-sm font-medium text-slate-800">
        How did the recall end?
        <textarea name="note" rows={2} required maxLength={2000} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2" />
      </label>
      <p className="text-sm text-slate-700">The recall stays on record and its packs stay recalled.</p>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? 'Closing…' : 'Close the recall'}
      </button>
    </form>
  );
}
