'use server';

import { revalidatePath } from 'next/cache';
import { changeAlertStatus, ZAlertChangeInput } from '@/lib/alerts';
import { requireActor } from '../../_lib/session';
import { formFailure } from '../../settings/_components/form-failure';

export type TChangeAlertState = { error?: string; done?: string };

/** Moves the alert along its workflow; the page shows the result or why it was refused. */
export async function changeAlertAction(_previous: TChangeAlertState, form: FormData): Promise<TChangeAlertState> {
  const id = String(form.get('id') ?? '');
  const actor = await requireActor(`/console/alerts/${id}`);
  const parsed = ZAlertChangeInput.safeParse({
    status: form.get('status') ?? '',
    resolution: form.get('status') === 'CLOSED' ? form.get('resolution') || undefined : undefined,
    note: String(form.get('note') ?? '') || undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.path[0] === 'resolution' ? 'Choose how the alert was resolved.' : (parsed.error.issues[0]?.message ?? 'Check the form.') };
  try {
    const alert = await changeAlertStatus(actor, id, parsed.data);
    revalidatePath(`/console/alerts/${id}`);
    revalidatePath('/console/alerts');
    return { done: `The alert is now ${alert.status.toLowerCase()}.` };
  } catch (error) {
    return { error: formFailure(error) };
  }
}
