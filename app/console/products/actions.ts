'use server';

import { revalidatePath } from 'next/cache';
import { registerProduct, ZProductInput } from '@/lib/catalog';
import { companyPrefixes, gtinFeedback } from '@/lib/console';
import { failureMessage, fieldErrorsOf, formText, formValues, type TFormState } from '../_lib/action-state';
import { requireActor } from '../_lib/session';

export type TProductState = TFormState<{ gtin: string; name: string }>;

/**
 * Registers a product. The company prefix length the EPC URNs need is not
 * asked for: it is the length of the organisation's prefix the GTIN lies
 * under (lib/catalog checks both again).
 */
export async function createProductAction(_previous: TProductState, form: FormData): Promise<TProductState> {
  const actor = await requireActor('/console/products');
  const values = formValues(form, ['gtin', 'name', 'form', 'strength', 'packSize']);
  const gtin = gtinFeedback(formText(form, 'gtin'), await companyPrefixes(actor));
  const packSize = formText(form, 'packSize').trim();
  const parsed = ZProductInput.safeParse({
    gtin: gtin.state === 'valid' ? gtin.gtin14 : formText(form, 'gtin'),
    name: formText(form, 'name'),
    form: formText(form, 'form'),
    strength: formText(form, 'strength'),
    packSize: packSize === '' ? Number.NaN : Number(packSize),
    companyPrefixLength: gtin.state === 'valid' && gtin.prefix ? gtin.prefix.length : 7,
  });
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  if (gtin.state !== 'valid') fieldErrors.gtin = gtin.state === 'empty' ? 'Enter the GTIN printed on the pack.' : gtin.message;
  if (fieldErrors.packSize) fieldErrors.packSize = 'Enter the number of units per pack (1 to 100,000).';
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { fieldErrors, values, at: Date.now() };
  try {
    const product = await registerProduct(actor, parsed.data);
    revalidatePath('/console/products');
    return { fieldErrors: {}, done: { gtin: product.gtin, name: product.name }, at: Date.now() };
  } catch (error) {
    return { fieldErrors: {}, formError: failureMessage(error), values, at: Date.now() };
  }
}
