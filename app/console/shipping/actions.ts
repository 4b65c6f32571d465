'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { shipItems, ZShipItems } from '@/lib/console';
import { allocateSscc } from '@/lib/events';
import { failureMessage, fieldErrorsOf, formText, type TFormState } from '../_lib/action-state';
import { requireActor } from '../_lib/session';

export type TNewCaseState = { error?: string };

/** Reserves the next SSCC of the organisation as an empty case, and opens it to be filled. */
export async function newCaseAction(_previous: TNewCaseState): Promise<TNewCaseState> {
  const actor = await requireActor('/console/shipping');
  let sscc: string;
  try {
    sscc = (await allocateSscc(actor)).sscc;
  } catch (error) {
    return { error: failureMessage(error) };
  }
  revalidatePath('/console/shipping');
  redirect(`/console/cases/${sscc}`);
}

export type TShipState = TFormState<{ count: number; to: string }>;

/** Ships the chosen cases to one destination: one shipping event for all of them. */
export async function shipCasesAction(_previous: TShipState, form: FormData): Promise<TShipState> {
  const actor = await requireActor('/console/shipping');
  const ssccs = form.getAll('sscc').filter((v): v is string => typeof v === 'string' && /^\d{18}$/.test(v));
  const parsed = ZShipItems.safeParse({ kind: 'ship', codes: ssccs.map((s) => `(00)${s}`), to: formText(form, 'to') });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues);
    return { fieldErrors: { ...(errors.codes ? { sscc: 'Tick the cases to ship.' } : {}), ...(errors.to ? { to: 'Choose where the cases go.' } : {}) }, at: Date.now() };
  }
  try {
    await shipItems(actor, parsed.data);
  } catch (error) {
    return { fieldErrors: {}, formError: failureMessage(error), at: Date.now() };
  }
  revalidatePath('/console/shipping');
  return { fieldErrors: {}, done: { count: ssccs.length, to: formText(form, 'toName') }, at: Date.now() };
}
