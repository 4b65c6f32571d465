import { createTestParty } from '@/lib/events/testing/fixtures';
import type { TOrgActor } from '@/lib/auth/actor';
import { registerBatch } from '@/lib/catalog/register-batch';
import { registerProduct } from '@/lib/catalog/register-product';
import { withCheckDigit } from '@/lib/gs1';

/**
 * The benchmark's network, made through the platform's own functions: a
 * manufacturer, a wholesaler, a regulator and 32 pharmacies, each with an
 * API key (the server authenticates every request as in production).
 */
export const BENCH_PHARMACIES = 32;

export type TBenchParty = { id: string; gln: string; name: string; prefix?: string; apiKey: string; actor: TOrgActor };

export type TBenchParties = { maker: TBenchParty; distributor: TBenchParty; regulator: TBenchParty; pharmacies: TBenchParty[] };

export async function createBenchParties(): Promise<TBenchParties> {
  const maker = await createTestParty('MANUFACTURER');
  const distributor = await createTestParty('DISTRIBUTOR');
  const regulator = await createTestParty('REGULATOR');
  const pharmacies: TBenchParty[] = [];
  for (let p = 0; p < BENCH_PHARMACIES; p++) pharmacies.push(await createTestParty('PHARMACY'));
  return { maker, distributor, regulator, pharmacies };
}

/** A product of the manufacturer with the given item reference, and `lots` batches of it. */
export async function createBenchProduct(maker: TBenchParty, itemReference: string, lots: string[]): Promise<{ gtin: string; batchIds: string[] }> {
  const prefix = maker.prefix as string;
  const gtin = withCheckDigit(`0${prefix}${itemReference.padStart(12 - prefix.length, '0')}`);
  await registerProduct(maker.actor, { gtin, name: `Bench tablets ${itemReference}`, form: 'tablet', strength: '10 mg', packSize: 30, companyPrefixLength: prefix.length });
  const batchIds: string[] = [];
  for (const lot of lots) batchIds.push((await registerBatch(maker.actor, { gtin, lot, expiry: '2030-12-31' })).id);
  return { gtin, batchIds };
}
