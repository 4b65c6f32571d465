'use client';

import { useActionState } from 'react';
import type { TUserRole } from '@/lib/auth/actor';
import { revokeInviteAction, updateUserAction, type TRowActionState } from './actions';

const INITIAL: TRowActionState = {};

function RowError({ error }: { error?: string }) {
  return error ? (
    <p role="alert" className="mt-1 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

/** Role change and deactivation for one colleague. */
export function UserControls({ id, name, role, active }: { id: string; name: string; role: TUserRole; active: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(updateUserAction, INITIAL);
  const [activeState, activeAction, activePending] = useActionState(updateUserAction, INITIAL);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={`role-${id}`} className="sr-only">
          Role of {name}
        </label>
        <select id={`role-${id}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 bg-white px-2 py-1">
          <option value="ADMIN">Administrator</option>
          <option value="OPERATOR">Operator</option>
          <option value="VIEWER">Viewer</option>
        </select>
        <button type="submit" disabled={rolePending} className="rounded px-2 py-1 font-medium text-brand-700 hover:bg-brand-50">
          Save role
        </button>
        <RowError error={roleState.error} />
      </form>
      <form action={activeAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <button
          type="submit"
          disabled={activePending}
          className={`rounded px-2 py-1 font-medium ${active ? 'text-red-700 hover:bg-red-50' : 'text-brand-700 hover:bg-brand-50'}`}
        >
          {active ? `Deactivate ${name}` : `Reactivate ${name}`}
        </button>
        <RowError error={activeState.error} />
      </form>
    </div>
  );
}

/** Withdraws one pending invite. */
export function RevokeInviteButton({ id, email }: { id: string; email: string }) {
  const [state, formAction, pending] = useActionState(revokeInviteAction, INITIAL);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 font-medium text-red-700 hover:bg-red-50">
        Withdraw invite for {email}
      </button>
      <RowError error={state.error} />
    </form>
  );
}
