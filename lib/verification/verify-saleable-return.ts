import { randomUUID } from 'node:crypto';
import { raiseAlert } from '@/lib/alerts';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { epcKey } from '@/lib/gs1/epc-key';
import { expiryFromYymmdd } from '@/lib/gs1/expiry-from-yymmdd';
import { parseAnyCode } from '@/lib/gs1/parse-any-code';
import { counterReason, suspicionAlert } from './counter-reason';
import { decidePackVerdict } from './decide-verdict';
import { lvmData, type TLvmResponse } from './lvm-answer';
import { recordLookup } from './lookup-log';
import { readPackState } from './read-pack-state';

/**
 * A saleable-returns check following the GS1 Lightweight Messaging
 * Standard for Verification of Product Identifiers (LVM,
 * docs/decisions/063): a distributor about to put a returned pack back into
 * saleable stock asks whether GTIN, serial, lot and expiry are genuine and
 * the pack may be redistributed, and gets the standard's answer:
 * verified, or not with a verificationFailureReason (and additionalInfo).
 */
export type TLvmRequest = {
  gtin: string;
  lot: string;
  serial: string;
  /** AI (17) as YYMMDD. */
  expiry: string;
  linkType?: string;
  context?: string;
  reqGLN?: string;
  corrUUID?: string;
};

const LINK_TYPES = new Set(['gs1:verificationService', 'verificationService', 'https://gs1.org/voc/verificationService']);
export const LVM_CONTEXTS = ['dscsaSaleableReturn'] as const;

export async function verifySaleableReturn(actor: TActor, request: TLvmRequest, now = new Date()): Promise<TLvmResponse> {
  assertCan(actor, 'verify:stock');
  if (request.linkType !== undefined && !LINK_TYPES.has(request.linkType)) {
    throw new AppError('lvm_link_type_unsupported', `linkType "${request.linkType.slice(0, 60)}" is not a verification service; use gs1:verificationService.`);
  }
  if (request.context !== undefined && !(LVM_CONTEXTS as readonly string[]).includes(request.context)) {
    throw new AppError('lvm_context_unsupported', `This service answers the context ${LVM_CONTEXTS.join(', ')}, not "${request.context.slice(0, 60)}".`);
  }
  if (request.reqGLN !== undefined) await assertRequester(actor.orgId, request.reqGLN);
  const pack = readPackFields(request, now);
  const stored = await readPackState(getPool(), pack.gtin, pack.serial);
  const decision = decidePackVerdict(stored, { lot: request.lot, expiry: pack.expiry }, now.toISOString().slice(0, 10));
  const alert = suspicionAlert(counterReason(stored, decision, actor.orgId), stored, pack, actor.orgId, `in a saleable-returns check at a ${actor.orgRole.toLowerCase()}`);
  if (alert) await raiseAlert(getPool(), { ...alert, raisedByOrgId: actor.orgId });
  recordLookup({ kind: 'pack', gtin: pack.gtin, lot: request.lot, serial: pack.serial, verdict: decision.verdict, channel: 'lvm', at: now });
  return {
    verificationTimestamp: now.toISOString(),
    ...(stored ? { responderGLN: stored.owner.gln } : {}),
    data: lvmData(decision),
    corrUUID: request.corrUUID ?? randomUUID(),
  };
}

/** GTIN, lot and serial checked as any code's (gs1_* errors), the expiry read as AI (17). */
function readPackFields(request: TLvmRequest, now: Date): { gtin: string; serial: string; key: string; expiry: string } {
  const { form, fields } = parseAnyCode(request.gtin);
  if (form !== 'gtin' || fields.gtin === undefined) throw new AppError('validation_failed', 'The GTIN in the path is 8, 12, 13 or 14 digits.');
  const gtin = fields.gtin;
  epcKey({ gtin, lot: request.lot });
  return { gtin, serial: request.serial, key: epcKey({ gtin, serial: request.serial }), expiry: expiryFromYymmdd(request.expiry, now) };
}

async function assertRequester(orgId: string, reqGln: string): Promise<void> {
  const { rows } = await getPool().query<{ gln: string }>('SELECT gln FROM organisations WHERE id = $1', [orgId]);
  if (rows[0]?.gln !== reqGln) throw new AppError('lvm_requester_mismatch', `reqGLN ${reqGln} is not the GLN of your organisation.`);
}
