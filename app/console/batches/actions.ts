'use server';

import { revalidatePath } from 'next/cache';
import { registerBatch, ZBatchInput } from '@/lib/catalog';
import { failureMessage, fieldErrorsOf, formText, formValues, type TFormState } from '../_lib/action-state';
import { requireActor } from '../_lib/session';

export type TBatchState = TFormState<{ id: string; lot: string; productName: string }>;

/** Registers a batch (lot and expiry) of one of the organisation's products. */
export async function createBatchAction(_previous: TBatchState, form: FormData): Promise<TBatchState> {
  const actor = await requireActor('/console/batches');
  const values = formValues(form, ['gtin', 'lot', 'expiry', 'manufacturedOn']);
  const parsed = ZBatchInput.safeParse({
    gtin: values.gtin,
    lot: values.lot,
    expiry: values.expiry,
    ...(formText(form, 'manufacturedOn') ? { manufacturedOn: values.manufacturedOn } : {}),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    if (fieldErrors.gtin) fieldErrors.gtin = 'Choose the product.';
    return { fieldErrors, values, at: Date.now() };
  }
  try {
    const batch = await registerBatch(actor, parsed.data);
    revalidatePath('/console/batches');
    return { fieldErrors: {}, done: { id: batch.id, lot: batch.lot, productName: batch.productName }, at: Date.now() };
  } catch (error) {
    return { fieldErrors: {}, formError: failureMessage(error), values, at: Date.now() };
  }
}
