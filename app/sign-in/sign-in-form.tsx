'use client';

import { useActionState } from 'react';
import { signInAction, type TSignInState } from './actions';

const INITIAL: TSignInState = { email: '', fieldErrors: {} };

const inputClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600';

/** E-mail and password, with errors announced and tied to the fields they concern. */
export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInAction, INITIAL);
  const { fieldErrors, formError } = state;
  const credentialsWrong = Boolean(formError) && !state.throttled;
  const describe = (field: 'email' | 'password') =>
    [fieldErrors[field] ? `${field}-error` : null, formError ? 'form-error' : null].filter(Boolean).join(' ') || undefined;
  return (
    <form action={formAction} noValidate className="mt-6 space-y-5">
      <input type="hidden" name="next" value={next} />
      {formError ? (
        <div
          id="form-error"
          role="alert"
          className={`rounded-md border px-4 py-3 text-sm ${state.throttled ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-red-300 bg-red-50 text-red-800'}`}
        >
          {formError}
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          E-mail address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={Boolean(fieldErrors.email) || credentialsWrong}
          aria-describedby={describe('email')}
          className={inputClass}
        />
        {fieldErrors.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(fieldErrors.password) || credentialsWrong}
          aria-describedby={describe('password')}
          className={inputClass}
        />
        {fieldErrors.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {fieldErrors.password}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
