'use server';

import { revalidatePath } from 'next/cache';
import { recordScans, ZScanRequest } from '@/lib/events';
import { requireActor } from '../../_lib/session';
import { formFailure } from '../../settings/_components/form-failure';

export type TReportState = { error?: string; done?: string };

/**
 * Reports packs (or cases) stolen or destroyed: one scan event through the
 * events service, which applies the same custody rules as every other door
 * (only the holder reports; a theft also alerts the manufacturer).
 */
export async function reportLossAction(_previous: TReportState, form: FormData): Promise<TReportState> {
  const actor = await requireActor('/console/recalls/report');
  const kind = form.get('kind') === 'stolen' ? 'stolen' : form.get('kind') === 'destroy' ? 'destroy' : null;
  if (kind === null) return { error: 'Choose whether the packs were stolen or destroyed.' };
  const codes = String(form.get('codes') ?? '')
    .split(/\r?\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codes.length === 0) return { error: 'Scan or type at least one code.' };
  const parsed = ZScanRequest.safeParse({ events: [{ kind, codes }] });
  if (!parsed.success) return { error: `The codes cannot be read: ${parsed.error.issues[0]?.message ?? 'check them'}.` };
  try {
    await recordScans(actor, parsed.data);
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath('/console/alerts');
  return { done: `${codes.length} code${codes.length === 1 ? '' : 's'} recorded as ${kind === 'stolen' ? 'stolen' : 'destroyed'}.` };
}
