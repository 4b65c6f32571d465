import { z } from 'zod';
import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordScans, ZGlnInput, ZScanRequest, type TRecordResult, type TScanEventInput } from '@/lib/events';
import { MAX_STATION_ITEMS } from './put-away';
import { readScan, type TReadScan } from './read-scan';

export const ZShipItems = z.object({
  kind: z.enum(['ship', 'return']),
  codes: z.array(z.string().min(1).max(4096)).min(1, 'Scan at least one pack or case.').max(MAX_STATION_ITEMS),
  to: ZGlnInput,
  timeZoneOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/).optional(),
});
export type TShipItems = z.infer<typeof ZShipItems>;

type TItem = Extract<TReadScan, { ok: true }>;

/**
 * Pick and ship (or return) what was scanned, in one transaction: a pack
 * still in one of the organisation's cases is first taken out of it (an
 * unpacking event naming it), since a pack inside a case moves only with
 * the case (docs/decisions/051); a case on a pallet likewise. A pack whose
 * case was scanned too travels inside it and is not named again. Then one
 * shipping event (disposition in_transit, or returned) to the destination.
 * All or nothing: any refusal leaves everything as it was.
 *
 * requires: `input` parsed with ZShipItems.
 */
export async function shipItems(actor: TActor, input: TShipItems): Promise<TRecordResult> {
  assertCan(actor, 'events:write');
  const items = readItems(input.codes);
  const parents = await heldParents(actor.orgId, items);
  const scannedCases = new Set(items.filter((i) => i.kind === 'case').map((i) => i.sscc));
  const shipped: TItem[] = [];
  const unpack = new Map<string, string[]>();
  for (const item of items) {
    const parent = parents.get(item.key) ?? null;
    if (parent !== null && coveredBy(parent, scannedCases, parents)) continue;
    if (parent !== null) unpack.set(parent, [...(unpack.get(parent) ?? []), item.code]);
    shipped.push(item);
  }
  const offset = input.timeZoneOffset === undefined ? {} : { eventTimeZoneOffset: input.timeZoneOffset };
  const events: Partial<TScanEventInput>[] = [
    ...[...unpack].map(([sscc, codes]) => ({ kind: 'unpack' as const, parent: `(00)${sscc}`, codes, ...offset })),
    { kind: input.kind, codes: shipped.map((i) => i.code), to: input.to, ...offset },
  ];
  return (await recordScans(actor, ZScanRequest.parse({ events }))).body as TRecordResult;
}

function readItems(codes: readonly string[]): TItem[] {
  const byKey = new Map<string, TItem>();
  codes.forEach((code, index) => {
    const read = readScan(code);
    if (!read.ok) throw new AppError('validation_failed', `Item ${index + 1}: ${read.message}`, { errors: [{ index, pointer: `/codes/${index}`, code: 'validation_failed', detail: read.message }] });
    byKey.set(read.key, read);
  });
  return [...byKey.values()];
}

/** Is this case, or a pallet it is on, among the scanned cases? */
function coveredBy(sscc: string, scanned: ReadonlySet<string>, parents: ReadonlyMap<string, string>): boolean {
  for (let current: string | undefined = sscc, depth = 0; current !== undefined && depth < 8; current = parents.get(`00/${current}`), depth++) {
    if (scanned.has(current)) return true;
  }
  return false;
}

/** The case (or pallet) each scanned item is in, when the organisation holds it, with the pallets of those cases. */
async function heldParents(orgId: string, items: readonly TItem[]): Promise<Map<string, string>> {
  const packs = items.filter((i): i is Extract<TItem, { kind: 'pack' }> => i.kind === 'pack');
  const cases = items.filter((i): i is Extract<TItem, { kind: 'case' }> => i.kind === 'case').map((i) => i.sscc);
  const { rows } = await getPool().query<{ key: string; parent: string }>(
    `WITH RECURSIVE chain(key, parent) AS (
       SELECT x.key, k.container_sscc FROM unnest($2::text[], $3::bpchar[], $4::text[]) AS x(key, gtin, serial)
         JOIN packs k ON k.gtin = x.gtin AND k.serial = x.serial WHERE k.custodian_org_id = $1 AND k.container_sscc IS NOT NULL
       UNION
       SELECT '00/' || c.sscc, c.parent_sscc FROM containers c WHERE c.sscc = ANY($5::bpchar[]) AND c.custodian_org_id = $1 AND c.parent_sscc IS NOT NULL
       UNION
       SELECT '00/' || c.sscc, c.parent_sscc FROM chain JOIN containers c ON c.sscc = chain.parent WHERE c.custodian_org_id = $1 AND c.parent_sscc IS NOT NULL
     ) SELECT key, parent FROM chain`,
    [orgId, packs.map((p) => p.key), packs.map((p) => p.gtin), packs.map((p) => p.serial), cases],
  );
  return new Map(rows.map((r) => [r.key, r.parent.trim()]));
}
