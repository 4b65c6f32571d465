'use client';

import { useActionState } from 'react';
import { FormMessage } from '../_components/field';
import { BUTTON } from '../_components/page-header';
import { newCaseAction, type TNewCaseState } from './actions';

/** Starts a new case under the next SSCC of the organisation. */
export function NewCaseButton() {
  const [state, formAction, pending] = useActionState(newCaseAction, {} as TNewCaseState);
  return (
    <form action={formAction} className="space-y-2">
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? 'Reserving an SSCC…' : 'Start a new case'}
      </button>
      {state.error ? <FormMessage tone="error">{state.error}</FormMessage> : null}
    </form>
  );
}
