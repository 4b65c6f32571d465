'use client';

import { useActionState } from 'react';
import { openRecallAction, type TOpenRecallState } from './actions';

const INITIAL: TOpenRecallState = { fieldErrors: {} };

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600';

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The recall form: a batch by GTIN and lot, a class, the reason the public will read, and optionally only some packs. */
export function OpenRecallForm() {
  const [state, formAction, pending] = useActionState(openRecallAction, INITIAL);
  const errors = state.fieldErrors;
  const described = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `recall-${field}-error` } : {});
  return (
    <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-2">
      {state.formError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 sm:col-span-2">
          {state.formError}
        </p>
      ) : null}
      <Field id="recall-gtin" label="GTIN" error={errors.gtin}>
        <input id="recall-gtin" name="gtin" inputMode="numeric" required className={input} {...described('gtin')} />
      </Field>
      <Field id="recall-lot" label="Lot" error={errors.lot ?? errors.batchId}>
        <input id="recall-lot" name="lot" required className={input} {...described('lot')} />
      </Field>
      <Field id="recall-class" label="Recall class" error={errors.class}>
        <select id="recall-class" name="class" defaultValue="" required className={input} {...described('class')}>
          <option value="" disabled>
            Choose the class
          </option>
          <option value="I">Class I: may cause serious harm or death</option>
          <option value="II">Class II: may cause temporary or reversible harm</option>
          <option value="III">Class III: unlikely to cause harm</option>
        </select>
      </Field>
      <Field id="recall-serials" label="Only these serials (one per line; leave empty to recall the whole batch)" error={errors.serials}>
        <textarea id="recall-serials" name="serials" rows={3} className={`${input} font-mono`} {...described('serials')} />
      </Field>
      <div className="sm:col-span-2">
        <Field id="recall-reason" label="Reason (shown on the public verification page)" error={errors.reason}>
          <textarea id="recall-reason" name="reason" rows={2} maxLength={500} required className={input} {...described('reason')} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-70">
          {pending ? 'Recalling…' : 'Recall'}
        </button>
      </div>
    </form>
  );
}
