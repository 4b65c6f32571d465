'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { inspectScan, listIncoming, putAway, shipItems, STATION_MODES, ZPutAway, ZShipItems, type TIncomingShipment, type TInspection } from '@/lib/console';
import { recordScans, ZScanRequest, type TRecordResult } from '@/lib/events';
import { failureMessage } from '../_lib/action-state';
import { getActorFromCookies } from '../_lib/session';

const SIGNED_OUT = { ok: false as const, signedOut: true, message: 'Your session has ended. Sign in again; the list on this screen is kept until you reload it.' };

/** The station's signed-in user, or null: a station shows "sign in again" instead of navigating away from the scanned list. */
async function stationActor() {
  const actor = await getActorFromCookies();
  return actor.kind === 'anonymous' ? null : actor;
}

export type TInspectAnswer = { ok: true; inspection: TInspection } | { ok: false; signedOut?: boolean; message: string };

/** Reads one scan for the station: what it is and where it stands for the organisation. Records nothing. */
export async function inspectAction(code: string): Promise<TInspectAnswer> {
  const actor = await stationActor();
  if (!actor) return SIGNED_OUT;
  if (typeof code !== 'string' || code.length === 0 || code.length > 4096) return { ok: false, message: 'Nothing was scanned.' };
  try {
    return { ok: true, inspection: await inspectScan(actor, code) };
  } catch (error) {
    return { ok: false, message: failureMessage(error) };
  }
}

const ZRecord = z.object({
  mode: z.enum(STATION_MODES),
  codes: z.array(z.string().min(1).max(4096)).min(1).max(2000),
  to: z.string().optional(),
  bin: z.string().optional(),
  timeZoneOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/).optional(),
});
export type TRecordRequest = z.infer<typeof ZRecord>;

export type TRecordAnswer =
  | { ok: true; recorded: number; duplicates: number; alerts: string[]; incoming: TIncomingShipment[] }
  | { ok: false; signedOut?: boolean; message: string; problems: string[] };

/** Records the confirmed list in one transaction: receipt, put-away, shipment or return. All or nothing. */
export async function recordAction(request: TRecordRequest): Promise<TRecordAnswer> {
  const actor = await stationActor();
  if (!actor) return { ...SIGNED_OUT, problems: [] };
  const parsed = ZRecord.safeParse(request);
  if (!parsed.success) return { ok: false, message: 'The list could not be read; scan the items again.', problems: [] };
  const { mode, codes, to, bin, timeZoneOffset } = parsed.data;
  try {
    let result: TRecordResult;
    if (mode === 'receive') result = (await recordScans(actor, ZScanRequest.parse({ events: [{ kind: 'receive', codes, ...(timeZoneOffset ? { eventTimeZoneOffset: timeZoneOffset } : {}) }] }))).body as TRecordResult;
    else if (mode === 'put-away') {
      const input = ZPutAway.safeParse({ codes, bin: bin || undefined, timeZoneOffset });
      if (!input.success) return { ok: false, message: `Nothing was recorded. ${input.error.issues[0]?.message ?? 'Check the bin.'}`, problems: [] };
      result = await putAway(actor, input.data);
    } else {
      if (!to) return { ok: false, message: `Choose where the items go before you ${mode === 'ship' ? 'ship' : 'return'} them.`, problems: [] };
      const input = ZShipItems.safeParse({ kind: mode, codes, to, timeZoneOffset });
      if (!input.success) return { ok: false, message: `Nothing was recorded. ${input.error.issues[0]?.message ?? 'Check the destination.'}`, problems: [] };
      result = await shipItems(actor, input.data);
    }
    revalidatePath('/console/station');
    const alerts = result.events.flatMap((e) => e.alerts);
    return { ok: true, recorded: result.recorded, duplicates: result.duplicates, alerts, incoming: mode === 'receive' ? await listIncoming(actor) : [] };
  } catch (error) {
    const items = (error as { errors?: { detail: string }[] }).errors ?? [];
    return { ok: false, message: `Nothing was recorded. ${failureMessage(error)}`, problems: items.slice(0, 8).map((i) => i.detail) };
  }
}

/** What is still on its way to the organisation (the receiving checklist), fresh. */
export async function incomingAction(): Promise<{ ok: true; incoming: TIncomingShipment[] } | { ok: false; message: string; signedOut?: boolean }> {
  const actor = await stationActor();
  if (!actor) return SIGNED_OUT;
  try {
    return { ok: true, incoming: await listIncoming(actor) };
  } catch (error) {
    return { ok: false, message: failureMessage(error) };
  }
}
