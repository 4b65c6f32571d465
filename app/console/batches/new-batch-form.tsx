'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field, FormMessage } from '../_components/field';
import { BUTTON, LINK } from '../_components/page-header';
import { createBatchAction, type TBatchState } from './actions';

const INITIAL: TBatchState = { fieldErrors: {} };

/** Registers a batch: which product, its lot number, and its expiry date. */
export function NewBatchForm({ products, preselect }: { products: { gtin: string; name: string; strength: string }[]; preselect?: string }) {
  const [state, formAction, pending] = useActionState(createBatchAction, INITIAL);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Register a batch">
      {state.formError ? <FormMessage tone="error">{state.formError}</FormMessage> : null}
      {state.done ? (
        <FormMessage tone="success">
          Batch {state.done.lot} of {state.done.productName} is registered.{' '}
          <Link href={`/console/batches/${state.done.id}#commission`} className={LINK}>
            Commission its packs
          </Link>
        </FormMessage>
      ) : null}
      <div key={state.done?.id ?? 'new'} className="grid gap-4 md:grid-cols-2">
        <Field id="batch-gtin" label="Product" error={e.gtin}>
          {(p) => (
            <select {...p} name="gtin" defaultValue={v.gtin ?? preselect ?? ''}>
              <option value="">Choose a product…</option>
              {products.map((product) => (
                <option key={product.gtin} value={product.gtin}>
                  {product.name} {product.strength} · {product.gtin}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="batch-lot" label="Lot number" error={e.lot} hint="Up to 20 letters, digits or - . / _ as printed after LOT on the pack.">
          {(p) => <input {...p} name="lot" maxLength={20} autoComplete="off" defaultValue={v.lot} className={`${p.className} font-mono uppercase`} />}
        </Field>
        <Field id="batch-expiry" label="Expiry date" error={e.expiry} hint="The last day the packs may be used.">
          {(p) => <input {...p} name="expiry" type="date" defaultValue={v.expiry} />}
        </Field>
        <Field id="batch-made" label="Manufacturing date (optional)" error={e.manufacturedOn}>
          {(p) => <input {...p} name="manufacturedOn" type="date" defaultValue={v.manufacturedOn} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? 'Registering…' : 'Register batch'}
      </button>
    </form>
  );
}
