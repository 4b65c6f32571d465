'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { closeRecall, openRecall, ZRecallClose, ZRecallInput } from '@/lib/recalls';
import { requireActor } from '../_lib/session';
import { fieldMessages, formFailure } from '../settings/_components/form-failure';

export type TOpenRecallState = { fieldErrors: Record<string, string>; formError?: string };

/** Opens a recall from the form (GTIN, lot, class, reason, optional serials one per line) and shows it. */
export async function openRecallAction(_previous: TOpenRecallState, form: FormData): Promise<TOpenRecallState> {
  const actor = await requireActor('/console/recalls');
  const serials = String(form.get('serials') ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const parsed = ZRecallInput.safeParse({
    gtin: String(form.get('gtin') ?? ''),
    lot: String(form.get('lot') ?? ''),
    class: form.get('class') ?? '',
    reason: String(form.get('reason') ?? ''),
    serials: serials.length > 0 ? serials : undefined,
  });
  if (!parsed.success) return { fieldErrors: fieldMessages(parsed.error.issues) };
  let id: string;
  try {
    id = (await openRecall(actor, parsed.data)).id;
  } catch (error) {
    return { fieldErrors: {}, formError: formFailure(error) };
  }
  revalidatePath('/console/recalls');
  redirect(`/console/recalls/${id}`);
}

export type TCloseRecallState = { error?: string };

export async function closeRecallAction(_previous: TCloseRecallState, form: FormData): Promise<TCloseRecallState> {
  const id = String(form.get('id') ?? '');
  const actor = await requireActor(`/console/recalls/${id}`);
  const parsed = ZRecallClose.safeParse({ note: String(form.get('note') ?? '') });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Say how the recall ended.' };
  try {
    await closeRecall(actor, id, parsed.data);
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath(`/console/recalls/${id}`);
  revalidatePath('/console/recalls');
  return {};
}
