'use client';

import { useActionState } from 'react';
import { CopyOnce } from '../_components/copy-once';
import { createKeyAction, type TCreateKeyState } from './actions';

const INITIAL: TCreateKeyState = { fieldErrors: {} };

export function CreateKeyForm() {
  const [state, formAction, pending] = useActionState(createKeyAction, INITIAL);
  return (
    <div className="space-y-4">
      {state.created ? (
        <CopyOnce
          label={`New key "${state.created.name}"`}
          value={state.created.key}
          note="Copy it into the scanner or ERP system now. It is not stored and will not be shown again."
        />
      ) : null}
      <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        {state.formError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 sm:col-span-3">
            {state.formError}
          </p>
        ) : null}
        <div>
          <label htmlFor="key-name" className="block text-sm font-medium text-slate-800">
            Name
          </label>
          <input
            id="key-name"
            name="name"
            required
            maxLength={80}
            placeholder="Goods-in scanner 2"
            aria-invalid={Boolean(state.fieldErrors.name)}
            aria-describedby={state.fieldErrors.name ? 'key-name-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          {state.fieldErrors.name ? (
            <p id="key-name-error" className="mt-1 text-sm text-red-700">
              {state.fieldErrors.name}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="key-role" className="block text-sm font-medium text-slate-800">
            Access
          </label>
          <select id="key-role" name="role" defaultValue="OPERATOR" className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="OPERATOR">Operator (record scans)</option>
            <option value="VIEWER">Viewer (read only)</option>
          </select>
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {pending ? 'Creating…' : 'Create key'}
        </button>
      </form>
    </div>
  );
}
