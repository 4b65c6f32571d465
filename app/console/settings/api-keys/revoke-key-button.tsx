'use client';

import { useActionState } from 'react';
import { revokeKeyAction, type TRevokeKeyState } from './actions';

const INITIAL: TRevokeKeyState = {};

/** Revoking breaks the device using the key, so it asks once more before doing it. */
export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeKeyAction, INITIAL);
  return (
    <details className="group">
      <summary className="cursor-pointer rounded px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50">Revoke…</summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
        <input type="hidden" name="id" value={id} />
        <p className="text-red-900">Anything using &ldquo;{name}&rdquo; stops working at once. This cannot be undone.</p>
        <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
          {pending ? 'Revoking…' : `Revoke ${name}`}
        </button>
        {state.error ? (
          <p role="alert" className="text-red-800">
            {state.error}
          </p>
        ) : null}
      </form>
    </details>
  );
}
