import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { generateSerials } from '@/lib/gs1';
import { commissionSerials, type TCommissioned, type TCommissionOptions } from './commission-serials';
import { ownBatch } from './own-batch';
import type { TCommissionInput } from './schemas';

/** A fresh draw when random serials collide with ones already issued for the GTIN (docs/decisions/022: about 1e-6 per run). */
const DRAWS = 3;

/**
 * Commissions `count` packs of one of the organisation's batches with
 * random, non-guessable serials (lib/gs1 generateSerials) and one
 * commissioning event. The answer lists the serials, for the label printer.
 * The whole run is one transaction: a handful of bulk statements, with
 * progress reported through `onProgress` (stages and fraction).
 *
 * requires: `input` parsed with ZCommissionInput.
 */
export async function commissionBatch(actor: TActor, batchId: string, input: TCommissionInput, options: Omit<TCommissionOptions, 'eventTime'> = {}): Promise<TCommissioned & { serials: string[] }> {
  assertCan(actor, 'serials:commission');
  const batch = await ownBatch(actor, batchId);
  const eventTime = input.eventTime === undefined ? undefined : new Date(Date.parse(input.eventTime)).toISOString();
  const eventTimeZoneOffset = input.eventTime === undefined ? undefined : offsetOf(input.eventTime);
  for (let draw = 1; ; draw++) {
    const serials = generateSerials(input.count, { length: input.serialLength });
    try {
      const result = await commissionSerials(actor, batch, serials, { ...options, eventTime, eventTimeZoneOffset, fresh: true }, true);
      return result as TCommissioned & { serials: string[] };
    } catch (error) {
      if (draw < DRAWS && isAppError(error) && error.code === 'already_commissioned') continue;
      throw error;
    }
  }
}

export function offsetOf(isoTime: string): string {
  const suffix = /(Z|[+-]\d{2}:\d{2})$/.exec(isoTime)?.[1] ?? 'Z';
  return suffix === 'Z' ? '+00:00' : suffix;
}
