'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '../../_components/field';
import { BUTTON } from '../../_components/page-header';
import { fillCaseAction, type TFillState } from './actions';

const INITIAL: TFillState = { fieldErrors: {} };

/** The packaging line's aggregation: N loose packs of one batch go into this case. */
export function FillCaseForm({ sscc, batches }: { sscc: string; batches: { batchId: string; label: string; loose: number }[] }) {
  const [state, formAction, pending] = useActionState(fillCaseAction, INITIAL);
  const v = state.values ?? {};
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Fill the case from a batch">
      <input type="hidden" name="sscc" value={sscc} />
      {state.formError ? <FormMessage tone="error">{state.formError}</FormMessage> : null}
      {state.done && !state.formError ? <FormMessage tone="success">{state.done.count} packs packed into case {sscc}.</FormMessage> : null}
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field id="fill-batch" label="Batch" error={state.fieldErrors.batchId}>
          {(p) => (
            <select {...p} name="batchId" defaultValue={v.batchId ?? (batches.length === 1 ? batches[0]!.batchId : '')}>
              <option value="">Choose a batch…</option>
              {batches.map((b) => (
                <option key={b.batchId} value={b.batchId}>
                  {b.label} ({b.loose} loose)
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="fill-count" label="Packs to pack" error={state.fieldErrors.count}>
          {(p) => <input {...p} name="count" type="number" min={1} inputMode="numeric" defaultValue={v.count} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? 'Packing…' : 'Pack into this case'}
      </button>
    </form>
  );
}
