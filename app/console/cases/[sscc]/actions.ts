'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fillCase, MAX_STATION_ITEMS, ZFillCase } from '@/lib/console';
import { recordScans, ZScanRequest } from '@/lib/events';
import { failureMessage, fieldErrorsOf, formText, formValues, type TFormState } from '../../_lib/action-state';
import { requireActor } from '../../_lib/session';

export type TFillState = TFormState<{ count: number }>;

/** Packs N loose packs of a batch into the case (one packing event). */
export async function fillCaseAction(_previous: TFillState, form: FormData): Promise<TFillState> {
  const sscc = formText(form, 'sscc');
  const actor = await requireActor(`/console/cases/${sscc}`);
  const values = formValues(form, ['batchId', 'count']);
  const parsed = ZFillCase.safeParse({ sscc, batchId: values.batchId, count: values.count });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values, at: Date.now() };
  try {
    const result = await fillCase(actor, parsed.data);
    revalidatePath(`/console/cases/${sscc}`);
    return { fieldErrors: {}, done: { count: parsed.data.count }, at: Date.now(), ...(result.recorded === 0 ? { formError: 'Nothing new was recorded.' } : {}) };
  } catch (error) {
    return { fieldErrors: {}, formError: failureMessage(error), values, at: Date.now() };
  }
}

export type TPackScannedAnswer = { ok: true; count: number } | { ok: false; message: string; items: { index: number; detail: string }[] };

/** Server actions can be called with any arguments: these are checked before use. */
const ZPackScanned = z.object({ sscc: z.string().regex(/^\d{18}$/), codes: z.array(z.string().max(512)).min(1).max(MAX_STATION_ITEMS) });

/** Packs the scanned packs (or cases, onto a pallet) into the case: one packing event, all or none. */
export async function packScannedAction(sscc: unknown, codes: unknown): Promise<TPackScannedAnswer> {
  const args = ZPackScanned.safeParse({ sscc, codes });
  const actor = await requireActor(args.success ? `/console/cases/${args.data.sscc}` : '/console/shipping');
  if (!args.success) return { ok: false, message: `Scan between 1 and ${MAX_STATION_ITEMS} packs into a case.`, items: [] };
  const request = ZScanRequest.safeParse({ events: [{ kind: 'pack', parent: `(00)${args.data.sscc}`, codes: args.data.codes }] });
  if (!request.success) return { ok: false, message: 'Some codes could not be read; remove them and try again.', items: [] };
  try {
    await recordScans(actor, request.data);
  } catch (error) {
    const items = (error as { errors?: { index?: number; pointer?: string; detail: string }[] }).errors ?? [];
    return { ok: false, message: failureMessage(error), items: items.map((i) => ({ index: Number(/codes\/(\d+)/.exec(i.pointer ?? '')?.[1] ?? -1), detail: i.detail })) };
  }
  revalidatePath(`/console/cases/${args.data.sscc}`);
  return { ok: true, count: args.data.codes.length };
}
