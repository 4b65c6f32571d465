import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { recordScans, ZScanRequest, type TRecordResult } from '@/lib/events';
import { epcKey, isValidSscc, toCanonicalDigitalLinkUri } from '@/lib/gs1';

/** Packs per case filled in one go: a shipper case holds tens to a few hundred packs; one event names at most 10,000 codes. */
export const MAX_FILL = 5_000;

export const ZFillCase = z.object({
  sscc: z.string().trim().refine(isValidSscc, { error: 'An SSCC has 18 digits and a valid check digit.' }),
  batchId: z.string().refine(isUuid, { error: 'Choose a batch.' }),
  count: z.coerce.number({ error: 'Enter how many packs go into the case.' }).int('Enter a whole number.').min(1, 'At least 1 pack.').max(MAX_FILL, `At most ${MAX_FILL} packs at a time.`),
});
export type TFillCase = z.infer<typeof ZFillCase>;

/**
 * Packs `count` loose packs of a batch that the organisation holds (active,
 * not in transit, in no case) into one of its cases: one packing event
 * through the events service, so the custody rules decide as for any scan.
 * This is the packaging line's aggregation step, which picks packs off the
 * line rather than scanning each one. Packs picked by a concurrent filling
 * are refused as already packed; the pick is then made again once.
 *
 * requires: `input` parsed with ZFillCase.
 */
export async function fillCase(actor: TActor, input: TFillCase): Promise<TRecordResult> {
  assertCan(actor, 'events:write');
  for (let attempt = 1; ; attempt++) {
    const serials = await loosePacks(actor.orgId, input.batchId, input.count);
    if (serials.gtin === null || serials.list.length < input.count) {
      throw new AppError('conflict', `Only ${serials.list.length} pack${serials.list.length === 1 ? '' : 's'} of this batch ${serials.list.length === 1 ? 'is' : 'are'} loose in your stock; commission more or fill fewer.`);
    }
    const gtin = serials.gtin;
    const codes = serials.list.map((serial) => toCanonicalDigitalLinkUri(epcKey({ gtin, serial })));
    try {
      return (await recordScans(actor, ZScanRequest.parse({ events: [{ kind: 'pack', parent: `(00)${input.sscc}`, codes }] }))).body as TRecordResult;
    } catch (error) {
      if (attempt < 2 && isAppError(error) && error.code === 'already_packed') continue;
      throw error;
    }
  }
}

async function loosePacks(orgId: string, batchId: string, count: number): Promise<{ gtin: string | null; list: string[] }> {
  const { rows } = await getPool().query<{ gtin: string; serial: string }>(
    `SELECT k.gtin, k.serial FROM packs k JOIN batches b ON b.id = k.batch_id
      WHERE k.batch_id = $1 AND k.custodian_org_id = $2 AND k.status = 'ACTIVE' AND k.in_transit_to_id IS NULL AND k.container_sscc IS NULL
        AND b.status = 'ACTIVE' AND b.expiry >= current_date
      ORDER BY k.commissioned_at, k.serial LIMIT $3`,
    [batchId, orgId, count],
  );
  return { gtin: rows[0]?.gtin ?? null, list: rows.map((r) => r.serial) };
}
