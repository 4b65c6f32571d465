import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { withCheckDigit } from '@/lib/gs1';

export type TAllocatedSscc = { sscc: string; key: string; code: string };

/**
 * The next SSCC under the organisation's first GS1 company prefix
 * (extension digit 0, then 1..9 when a digit's range is used up), reserved
 * at once as an empty case held by the organisation, so two requests never
 * get the same one. A distributor without a prefix scans the SSCCs printed
 * on its labels instead (packing accepts any valid SSCC).
 */
export async function allocateSscc(actor: TActor): Promise<TAllocatedSscc> {
  assertCan(actor, 'events:write');
  if (actor.orgRole !== 'MANUFACTURER' && actor.orgRole !== 'DISTRIBUTOR') throw new AppError('sscc_not_allowed', 'Only manufacturers and distributors create cases and pallets.');
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<{ company_prefixes: string[] }>('SELECT company_prefixes FROM organisations WHERE id = $1', [actor.orgId]);
    const prefix = rows[0]?.company_prefixes[0];
    if (!prefix) throw new AppError('sscc_prefix_missing', 'Your organisation has no GS1 company prefix; use SSCCs from your own labels.');
    // One allocator per prefix at a time (two would read the same maximum).
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sscc:${prefix}`]);
    const width = 16 - prefix.length;
    for (let extension = 0; extension <= 9; extension++) {
      const low = `${extension}${prefix}${'0'.repeat(width)}0`;
      const high = `${extension}${prefix}${'9'.repeat(width)}9`;
      const { rows: last } = await tx.query<{ sscc: string }>('SELECT sscc FROM containers WHERE sscc BETWEEN $1 AND $2 ORDER BY sscc DESC LIMIT 1', [low, high]);
      const next = last[0] ? BigInt(last[0].sscc.slice(1 + prefix.length, 17)) + 1n : 1n;
      if (next >= 10n ** BigInt(width)) continue;
      const sscc = withCheckDigit(`${extension}${prefix}${next.toString().padStart(width, '0')}`);
      await tx.query(`INSERT INTO containers (sscc, owner_org_id, custodian_org_id, status) VALUES ($1, $2, $2, 'ACTIVE')`, [sscc, actor.orgId]);
      return { sscc, key: `00/${sscc}`, code: `(00)${sscc}` };
    }
    throw new AppError('conflict', `Every SSCC under company prefix ${prefix} is used.`);
  });
}
