'use client';

import { useActionState } from 'react';
import { CopyOnce } from '../_components/copy-once';
import { inviteAction, type TInviteState } from './actions';

const INITIAL: TInviteState = { fieldErrors: {} };

export function InviteForm() {
  const [state, formAction, pending] = useActionState(inviteAction, INITIAL);
  const { fieldErrors } = state;
  return (
    <div className="space-y-4">
      {state.created ? (
        <CopyOnce
          label={`Invite link for ${state.created.email}`}
          value={state.created.link}
          note="Send this link to them yourself. It works once, for 7 days, and is not shown again."
        />
      ) : null}
      <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-start">
        {state.formError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 sm:col-span-3">
            {state.formError}
          </p>
        ) : null}
        <div>
          <label htmlFor="invite-email" className="block text-sm font-medium text-slate-800">
            E-mail address
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            aria-invalid={Boolean(fieldErrors.email)}
            aria-describedby={fieldErrors.email ? 'invite-email-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          {fieldErrors.email ? (
            <p id="invite-email-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.email}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="OPERATOR"
            aria-invalid={Boolean(fieldErrors.role)}
            aria-describedby={fieldErrors.role ? 'invite-role-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            <option value="OPERATOR">Operator</option>
            <option value="VIEWER">Viewer</option>
            <option value="ADMIN">Administrator</option>
          </select>
          {fieldErrors.role ? (
            <p id="invite-role-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.role}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:mt-6">
          {pending ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
    </div>
  );
}
