import type { TContainerState, TPackState } from '../../types';
import { packAlertAudience, type TAlertDraft, type TEventContext, type TRefusal } from '../rule-types';
import { isContainerKey, isPackKey, packIdOf, ssccOf } from '../world';

/*
 * The checks the rules share. Each returns the refusal for one identifier,
 * or null when the identifier passes. Refusals that the alerts console must
 * see (a code that was never commissioned, a decommissioned pack scanned
 * again, a lot or expiry that does not match) carry their alert.
 */

const packWords = (pack: TPackState) => `pack ${pack.gtin} / ${pack.serial} (lot ${pack.batch.lot})`;
const label = (key: string) => (isPackKey(key) ? `pack ${packIdOf(key).gtin} / ${packIdOf(key).serial}` : isContainerKey(key) ? `case ${ssccOf(key)}` : key);

export function findPack(ctx: TEventContext, key: string): TPackState | TRefusal {
  const pack = ctx.world.packs.get(key);
  if (pack) return pack;
  const { gtin, serial } = packIdOf(key);
  const owner = ctx.world.productOwners.get(gtin);
  const audience = owner ? [ctx.world.recorder.id, owner] : [ctx.world.recorder.id];
  return {
    index: ctx.index,
    code: 'unknown_serial',
    key,
    detail: `Event ${ctx.index}: pack ${gtin} / ${serial} was never commissioned. Do not pass it on: it may be falsified.`,
    alert: { code: 'unknown_serial', severity: 'HIGH', subject: key, gtin, serial: serial.slice(0, 20), message: `A pack with GTIN ${gtin} and serial ${serial} was scanned, but was never commissioned.`, visibleTo: audience },
  };
}

export function findContainer(ctx: TEventContext, key: string): TContainerState | TRefusal {
  const container = ctx.world.containers.get(ssccOf(key));
  if (container) return container;
  return { index: ctx.index, code: 'unknown_container', key, detail: `Event ${ctx.index}: no case or pallet has the SSCC ${ssccOf(key)}.` };
}

export const isRefusal = (value: object): value is TRefusal => 'code' in value && 'detail' in value && 'index' in value;

/** Lot or expiry read from the scanned code that differ from the pack's batch. */
export function factsRefusal(ctx: TEventContext, pack: TPackState): TRefusal | null {
  const facts = ctx.facts.get(pack.key);
  if (!facts) return null;
  const wrongLot = facts.lot !== undefined && facts.lot !== pack.batch.lot;
  const wrongExpiry = facts.expiry !== undefined && facts.expiry !== pack.batch.expiry;
  if (!wrongLot && !wrongExpiry) return null;
  const what = wrongLot ? `lot ${facts.lot}, but the pack belongs to lot ${pack.batch.lot}` : `expiry ${facts.expiry}, but its batch expires on ${pack.batch.expiry}`;
  const message = `The code of ${packWords(pack)} was scanned with ${what}.`;
  return {
    index: ctx.index,
    code: 'batch_mismatch',
    key: pack.key,
    detail: `Event ${ctx.index}: ${message} The label may be falsified.`,
    alert: { code: 'batch_mismatch', severity: 'HIGH', subject: pack.key, gtin: pack.gtin, serial: pack.serial, batchId: pack.batch.id, message, visibleTo: packAlertAudience(ctx, pack) },
  };
}

export const isExpired = (ctx: TEventContext, pack: TPackState) => pack.status === 'EXPIRED' || pack.batch.expiry < ctx.localDate();
export const isRecalled = (pack: TPackState) => pack.status === 'RECALLED' || pack.batch.recalled;

/**
 * A pack that left the supply chain (dispensed, destroyed, stolen) must not
 * be scanned again; with `forward`, a recalled or expired pack must not move
 * on towards patients either (it may still be returned or destroyed).
 * `alertAll` also alerts for recalled and expired packs (dispensing).
 */
export function lifeRefusal(ctx: TEventContext, pack: TPackState, options: { forward: boolean; alertAll?: boolean }): TRefusal | null {
  const refusal = (code: 'already_dispensed' | 'pack_destroyed' | 'pack_stolen' | 'pack_recalled' | 'pack_expired', what: string, severity: 'MEDIUM' | 'HIGH' | 'CRITICAL', alert: boolean): TRefusal => ({
    index: ctx.index,
    code,
    key: pack.key,
    detail: `Event ${ctx.index}: ${packWords(pack)} ${what}.`,
    alert: alert
      ? { code, severity, subject: pack.key, gtin: pack.gtin, serial: pack.serial, batchId: pack.batch.id, message: `${packWords(pack)} ${what}, and was scanned again.`, visibleTo: packAlertAudience(ctx, pack) }
      : undefined,
  });
  if (pack.status === 'DISPENSED') return refusal('already_dispensed', `was already dispensed on ${pack.dispensedAt?.slice(0, 10) ?? 'an earlier day'}`, 'HIGH', true);
  if (pack.status === 'DESTROYED') return refusal('pack_destroyed', 'was destroyed', 'HIGH', true);
  if (pack.status === 'STOLEN') return refusal('pack_stolen', 'was reported stolen', 'CRITICAL', true);
  if (!options.forward) return null;
  if (isRecalled(pack)) return refusal('pack_recalled', 'is recalled', 'HIGH', options.alertAll === true);
  if (isExpired(ctx, pack)) return refusal('pack_expired', `expired on ${pack.batch.expiry}`, 'MEDIUM', options.alertAll === true);
  return null;
}

/**
 * Whoever moves, packs or decommissions something must hold it, and it must
 * not be on its way elsewhere. A pack scanned by an organisation that
 * neither holds it nor is receiving it, while another organisation holds
 * it, is the same serial seen at two custodians: one of the two packs may be
 * a copy, so the refusal carries a `two_custodians` alert.
 */
export function custodyRefusal(ctx: TEventContext, holder: { key: string; custodianOrgId: string | null; inTransitToId: string | null }): TRefusal | null {
  const recorder = ctx.world.recorder.id;
  if (holder.inTransitToId !== null) {
    const toUs = holder.inTransitToId === recorder;
    const detail = toUs ? 'is on its way to your organisation; receive it first' : 'is in transit to another organisation';
    return { index: ctx.index, code: 'in_transit', key: holder.key, detail: `Event ${ctx.index}: ${label(holder.key)} ${detail}.`, alert: toUs ? undefined : twoCustodiansAlert(ctx, holder) };
  }
  if (holder.custodianOrgId !== recorder) {
    return { index: ctx.index, code: 'not_custodian', key: holder.key, detail: `Event ${ctx.index}: your organisation does not hold ${label(holder.key)}.`, alert: twoCustodiansAlert(ctx, holder) };
  }
  return null;
}

/** The two_custodians alert of a pack scanned where it is not, while another organisation holds it (none for cases, or when nobody else holds it). */
export function twoCustodiansAlert(ctx: TEventContext, holder: { key: string; custodianOrgId: string | null }): TAlertDraft | undefined {
  if (!('batch' in holder) || holder.custodianOrgId === null || holder.custodianOrgId === ctx.world.recorder.id) return undefined;
  const pack = holder as TPackState;
  const severity = ctx.event.kind === 'dispense' ? 'HIGH' : 'MEDIUM';
  const message = `${packWords(pack)} was scanned (${ctx.event.kind}) by an organisation that does not hold it, while another organisation holds it.`;
  return { code: 'two_custodians', severity, subject: pack.key, gtin: pack.gtin, serial: pack.serial, batchId: pack.batch.id, message, visibleTo: packAlertAudience(ctx, pack) };
}

/** A pack or case inside another case moves with it; alone, it must be unpacked first. */
export function insideRefusal(ctx: TEventContext, key: string, parent: string | null): TRefusal | null {
  if (parent === null) return null;
  return { index: ctx.index, code: 'pack_in_container', key, detail: `Event ${ctx.index}: ${label(key)} is inside case ${parent}; scan the case, or unpack it first.` };
}

export { label as identifierLabel };
