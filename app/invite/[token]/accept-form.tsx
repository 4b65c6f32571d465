'use client';

import { useActionState } from 'react';
import { acceptInviteAction, type TAcceptState } from './actions';

const INITIAL: TAcceptState = { name: '', fieldErrors: {} };

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** Name and password for the new account; the e-mail is the one invited. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState(acceptInviteAction.bind(null, token), INITIAL);
  const { fieldErrors } = state;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-5">
      {state.formError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <div>
        <label htmlFor="invite-account-email" className="block text-sm font-medium text-slate-800">
          E-mail address
        </label>
        <input id="invite-account-email" name="username" type="email" autoComplete="username" value={email} readOnly className={`${inputClass} bg-slate-50`} />
      </div>
      <div>
        <label htmlFor="name" className="block text-sm font-medium text-slate-800">
          Your name
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          defaultValue={state.name}
          aria-invalid={Boolean(fieldErrors.name)}
          aria-describedby={fieldErrors.name ? 'name-error' : undefined}
          className={inputClass}
        />
        <FieldError id="name-error" message={fieldErrors.name} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Choose a password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={Boolean(fieldErrors.password)}
          aria-describedby={['password-hint', fieldErrors.password ? 'password-error' : ''].filter(Boolean).join(' ')}
          className={inputClass}
        />
        <p id="password-hint" className="mt-1 text-sm text-slate-600">
          At least 12 characters. A few unrelated words make a strong password.
        </p>
        <FieldError id="password-error" message={fieldErrors.password} />
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-slate-800">
          Repeat the password
        </label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(fieldErrors.confirm)}
          aria-describedby={fieldErrors.confirm ? 'confirm-error' : undefined}
          className={inputClass}
        />
        <FieldError id="confirm-error" message={fieldErrors.confirm} />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? 'Creating your account…' : 'Create account and sign in'}
      </button>
    </form>
  );
}
