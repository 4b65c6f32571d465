import { randomInt } from 'node:crypto';
import type { TOrgActor, TOrgRole } from '@/lib/auth/actor';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { createTestApiKey, createTestOrg } from '@/lib/auth/test-fixtures';
import { registerBatch } from '@/lib/catalog/register-batch';
import { registerProduct } from '@/lib/catalog/register-product';
import { getPool } from '@/lib/db';
import { parseAnyCode, toBracketed, withCheckDigit } from '@/lib/gs1';
import { recordScans } from '../record-scans';
import { ZScanRequest, type TScanEventInput } from '../schemas';
import type { TRecordResult } from '../types';

/**
 * Builders for integration tests of the events service and the routes
 * that use it: real organisations, products and batches in the test's own
 * database, made through the same functions production uses.
 */
export type TTestOrg = { id: string; gln: string; role: TOrgRole; name: string; prefix?: string; actor: TOrgActor; apiKey: string };

export async function createTestParty(role: TOrgRole): Promise<TTestOrg> {
  const org = await createTestOrg(role);
  const { key } = await createTestApiKey(org.id);
  const actor = (await resolveActor({ authorization: `Bearer ${key}` })) as TOrgActor;
  return { id: org.id, gln: org.gln, role, name: org.name, prefix: org.companyPrefixes[0], actor, apiKey: key };
}

/** A product of the manufacturer (a GTIN under its 7-digit prefix) and one batch of it. */
export async function createTestBatch(maker: TTestOrg, batch: { lot?: string; expiry?: string } = {}): Promise<{ gtin: string; batchId: string; lot: string; expiry: string }> {
  const gtin = withCheckDigit(`0${maker.prefix}${String(randomInt(0, 99_999)).padStart(5, '0')}`);
  await registerProduct(maker.actor, { gtin, name: `Test medicine ${gtin}`, form: 'tablet', strength: '10 mg', packSize: 30, companyPrefixLength: (maker.prefix as string).length });
  const lot = batch.lot ?? `L${randomInt(10_000, 99_999)}`;
  const expiry = batch.expiry ?? '2030-12-31';
  const created = await registerBatch(maker.actor, { gtin, lot, expiry });
  return { gtin, batchId: created.id, lot, expiry };
}

/** The code printed on a pack: bracketed GS1 element string with GTIN, expiry, lot and serial. */
export function packCode(batch: { gtin: string; lot: string; expiry: string }, serial: string, override: { lot?: string; expiry?: string } = {}): string {
  return toBracketed({ gtin: batch.gtin, expiry: override.expiry ?? batch.expiry, lot: override.lot ?? batch.lot, serial });
}

export function caseCode(sscc: string): string {
  return `(00)${sscc}`;
}

/** A fresh valid SSCC under a prefix (extension digit 3). */
export function testSscc(prefix = '4012345'): string {
  return withCheckDigit(`3${prefix}${String(randomInt(0, 999_999_999)).padStart(16 - prefix.length, '0')}`);
}

/**
 * Records scans through the same function as POST /api/v1/scans (input
 * validated by its schema). A `recall` in the list is opened the way
 * production opens recalls, through lib/recalls (the scan API refuses
 * recalls), one recall per batch named, class II.
 */
export async function scan(org: TTestOrg, ...events: Partial<TScanEventInput>[]): Promise<TRecordResult> {
  let result: TRecordResult | undefined;
  for (const group of groupRecalls(events)) {
    if (group.recall) await recallCodes(org, group.events.flatMap((e) => e.codes ?? []));
    else result = (await recordScans(org.actor, ZScanRequest.parse({ events: group.events }))).body as TRecordResult;
  }
  return result ?? { recorded: 0, duplicates: 0, events: [] } as unknown as TRecordResult;
}

function groupRecalls(events: Partial<TScanEventInput>[]): { recall: boolean; events: Partial<TScanEventInput>[] }[] {
  const groups: { recall: boolean; events: Partial<TScanEventInput>[] }[] = [];
  for (const event of events) {
    const recall = event.kind === 'recall';
    const last = groups.at(-1);
    if (last && last.recall === recall) last.events.push(event);
    else groups.push({ recall, events: [event] });
  }
  return groups;
}

/** Opens a recall per batch for pack codes (those serials) or batch codes (the whole batch). */
export async function recallCodes(org: TTestOrg, codes: string[]): Promise<void> {
  const { openRecall } = await import('@/lib/recalls');
  const byBatch = new Map<string, { gtin: string; lot: string; serials: string[] }>();
  for (const code of codes) {
    const { fields } = parseAnyCode(code);
    const gtin = fields.gtin as string;
    const lot = fields.lot ?? (await getPool().query<{ lot: string }>('SELECT b.lot FROM packs p JOIN batches b ON b.id = p.batch_id WHERE p.gtin = $1 AND p.serial = $2', [gtin, fields.serial])).rows[0]!.lot;
    const entry = byBatch.get(`${gtin}/${lot}`) ?? { gtin, lot, serials: [] };
    if (fields.serial) entry.serials.push(fields.serial);
    byBatch.set(`${gtin}/${lot}`, entry);
  }
  for (const { gtin, lot, serials } of byBatch.values()) {
    await openRecall(org.actor, { gtin, lot, ...(serials.length ? { serials } : {}), class: 'II', reason: 'Recall opened by a test' });
  }
}

export async function packState(gtin: string, serial: string) {
  const { rows } = await getPool().query(
    `SELECT status, custodian_org_id, in_transit_to_id, container_sscc, dispensed_by_id FROM packs WHERE gtin = $1 AND serial = $2`,
    [gtin, serial],
  );
  return rows[0] as { status: string; custodian_org_id: string | null; in_transit_to_id: string | null; container_sscc: string | null; dispensed_by_id: string | null } | undefined;
}

export async function countRows(table: 'events' | 'event_epcs' | 'packs' | 'containers' | 'alerts'): Promise<number> {
  const { rows } = await getPool().query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}
