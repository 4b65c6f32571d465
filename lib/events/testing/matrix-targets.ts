import { randomBytes, randomInt } from 'node:crypto';
import type { TActor, TOrgActor } from '@/lib/auth/actor';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { registerBatch } from '@/lib/catalog/register-batch';
import { registerProduct } from '@/lib/catalog/register-product';
import { getPool } from '@/lib/db';
import { withCheckDigit } from '@/lib/gs1';
import { allocateSscc } from '../allocate-sscc';

/**
 * Targets for the access matrix (app/api/access-matrix.int.test.ts): a
 * product, a batch with commissioned packs and a case of one manufacturer,
 * made once per manufacturer, and fresh inputs for the rows that create
 * things (each caller needs its own).
 */
export type TMatrixTargets = { gtin: string; batchId: string; lot: string; expiry: string; serials: string[]; sscc: string };

const made = new Map<string, Promise<TMatrixTargets>>();

export function manufacturerTargets(actor: TActor): Promise<TMatrixTargets> {
  const maker = actor as TOrgActor;
  let targets = made.get(maker.orgId);
  if (!targets) made.set(maker.orgId, (targets = makeTargets(maker)));
  return targets;
}

async function makeTargets(maker: TOrgActor): Promise<TMatrixTargets> {
  const gtin = await freshGtin(maker.orgId);
  const prefixLength = (await prefixOf(maker.orgId)).length;
  await registerProduct(maker, { gtin, name: 'Matrix tablets', form: 'tablet', strength: '5 mg', packSize: 28, companyPrefixLength: prefixLength });
  const batch = await registerBatch(maker, { gtin, lot: 'MTX1', expiry: '2030-06-30' });
  const { serials } = await commissionBatch(maker, batch.id, { count: 5 });
  const { sscc } = await allocateSscc(maker);
  return { gtin, batchId: batch.id, lot: 'MTX1', expiry: '2030-06-30', serials, sscc };
}

/** A GTIN under the organisation's company prefix that no product has yet (another prefix's for organisations without one). */
export async function freshGtin(orgId: string): Promise<string> {
  const prefix = (await prefixOf(orgId)) || '4000001';
  return withCheckDigit(`0${prefix}${String(randomInt(0, 10 ** (12 - prefix.length))).padStart(12 - prefix.length, '0')}`);
}

async function prefixOf(orgId: string): Promise<string> {
  const { rows } = await getPool().query<{ company_prefixes: string[] }>('SELECT company_prefixes FROM organisations WHERE id = $1', [orgId]);
  return rows[0]?.company_prefixes[0] ?? '';
}

/** A lot number no batch has yet. */
export function freshLot(): string {
  return `M${randomBytes(5).toString('hex').toUpperCase()}`;
}
