'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { gtinFeedback } from '@/lib/console/gtin-feedback';
import { Field, FormMessage } from '../_components/field';
import { BUTTON, LINK } from '../_components/page-header';
import { createProductAction, type TProductState } from './actions';

const INITIAL: TProductState = { fieldErrors: {} };

const FORMS = ['tablet', 'film-coated tablet', 'capsule', 'oral solution', 'solution for injection', 'powder for injection', 'cream', 'inhaler'];

/** Registers a product; the GTIN's check digit and company prefix are checked while it is typed. */
export function NewProductForm({ prefixes }: { prefixes: string[] }) {
  const [state, formAction, pending] = useActionState(createProductAction, INITIAL);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Register a product">
      {state.formError ? <FormMessage tone="error">{state.formError}</FormMessage> : null}
      {state.done ? (
        <FormMessage tone="success">
          {state.done.name} ({state.done.gtin}) is registered.{' '}
          <Link href={`/console/batches?gtin=${state.done.gtin}#new-batch`} className={LINK}>
            Register a batch of it
          </Link>
        </FormMessage>
      ) : null}
      {/* A new set of fields after each registration: the next product starts empty. */}
      <ProductFields key={state.done?.gtin ?? 'new'} state={state} prefixes={prefixes} />
      <datalist id="product-forms">
        {FORMS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? 'Registering…' : 'Register product'}
      </button>
    </form>
  );
}

function ProductFields({ state, prefixes }: { state: TProductState; prefixes: string[] }) {
  const [gtin, setGtin] = useState(state.values?.gtin ?? '');
  // The server's word on the GTIN stands until the person edits it; from then on the live check speaks.
  const [editedAfter, setEditedAfter] = useState<number | undefined>(undefined);
  const live = gtinFeedback(gtin, prefixes);
  const serverSaid = editedAfter === state.at ? undefined : state.fieldErrors.gtin;
  const gtinError = live.state === 'invalid' ? live.message : serverSaid;
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field
        id="product-gtin"
        label="GTIN"
        error={gtinError}
        hint={<span aria-live="polite">{live.state === 'valid' ? <span className="font-medium text-green-800">✓ {live.message}</span> : live.state === 'typing' ? live.message : 'The 13 or 14 digits under the barcode on the pack.'}</span>}
      >
        {(p) => <input {...p} name="gtin" inputMode="numeric" autoComplete="off" value={gtin} onChange={(event) => (setGtin(event.target.value), setEditedAfter(state.at))} className={`${p.className} font-mono`} />}
      </Field>
      <Field id="product-name" label="Name" error={e.name} hint="As printed on the pack, e.g. Amoxicillin 500 mg capsules.">
        {(p) => <input {...p} name="name" maxLength={200} autoComplete="off" defaultValue={v.name} />}
      </Field>
      <Field id="product-form" label="Pharmaceutical form" error={e.form} hint="e.g. tablet, capsule, solution for injection.">
        {(p) => <input {...p} name="form" maxLength={80} list="product-forms" autoComplete="off" defaultValue={v.form} />}
      </Field>
      <Field id="product-strength" label="Strength" error={e.strength} hint="e.g. 500 mg, 100 U/ml.">
        {(p) => <input {...p} name="strength" maxLength={80} autoComplete="off" defaultValue={v.strength} />}
      </Field>
      <Field id="product-pack-size" label="Units per pack" error={e.packSize}>
        {(p) => <input {...p} name="packSize" type="number" min={1} max={100000} inputMode="numeric" defaultValue={v.packSize} />}
      </Field>
    </div>
  );
}
