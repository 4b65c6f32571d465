import type { TActor, TOrgActor } from '@/lib/auth/actor';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { registerBatch } from '@/lib/catalog/register-batch';
import { registerProduct } from '@/lib/catalog/register-product';
import { getPool } from '@/lib/db';
import { recordScans, ZScanRequest } from '@/lib/events';
import { freshGtin } from '@/lib/events/testing/matrix-targets';
import { toBracketed } from '@/lib/gs1';

/**
 * Packs for the access matrix's dispensing and verification rows: each
 * call commissions a fresh pack of one manufacturer's matrix batch and
 * moves it where the row needs it (held by a pharmacy, or dispensed by
 * it), through the scan service.
 */
export type TCounterTarget = { code: string; gtin: string; lot: string; serial: string; expiry: string };

type TBatch = { gtin: string; batchId: string; lot: string; expiry: string };
const batches = new Map<string, Promise<TBatch>>();

function batchOf(maker: TOrgActor): Promise<TBatch> {
  let batch = batches.get(maker.orgId);
  if (!batch) batches.set(maker.orgId, (batch = makeBatch(maker)));
  return batch;
}

async function makeBatch(maker: TOrgActor): Promise<TBatch> {
  const gtin = await freshGtin(maker.orgId);
  const { rows } = await getPool().query<{ company_prefixes: string[] }>('SELECT company_prefixes FROM organisations WHERE id = $1', [maker.orgId]);
  await registerProduct(maker, { gtin, name: 'Counter capsules', form: 'capsule', strength: '250 mg', packSize: 12, companyPrefixLength: rows[0]!.company_prefixes[0]!.length });
  const batch = await registerBatch(maker, { gtin, lot: 'CTR1', expiry: '2030-06-30' });
  return { gtin, batchId: batch.id, lot: 'CTR1', expiry: '2030-06-30' };
}

async function freshPack(maker: TOrgActor): Promise<TCounterTarget> {
  const batch = await batchOf(maker);
  const { serials } = await commissionBatch(maker, batch.batchId, { count: 1 });
  const serial = serials[0]!;
  return { code: toBracketed({ gtin: batch.gtin, lot: batch.lot, expiry: batch.expiry, serial }), gtin: batch.gtin, lot: batch.lot, serial, expiry: batch.expiry };
}

async function glnOf(orgId: string): Promise<string> {
  const { rows } = await getPool().query<{ gln: string }>('SELECT gln FROM organisations WHERE id = $1', [orgId]);
  return rows[0]!.gln;
}

const scan = (actor: TOrgActor, events: unknown[]) => recordScans(actor, ZScanRequest.parse({ events }));

/** A fresh pack shipped by the manufacturer to `holder` and received there. */
export async function packHeldBy(maker: TActor, holder: TActor): Promise<TCounterTarget> {
  const pack = await freshPack(maker as TOrgActor);
  await scan(maker as TOrgActor, [{ kind: 'ship', codes: [pack.code], to: await glnOf((holder as TOrgActor).orgId) }]);
  await scan(holder as TOrgActor, [{ kind: 'receive', codes: [pack.code] }]);
  return pack;
}

/** A fresh pack dispensed a minute ago by the pharmacy `holder`. */
export async function packDispensedBy(maker: TActor, holder: TActor): Promise<TCounterTarget> {
  const pack = await packHeldBy(maker, holder);
  await scan(holder as TOrgActor, [{ kind: 'dispense', codes: [pack.code], eventTime: new Date(Date.now() - 60_000).toISOString() }]);
  return pack;
}
