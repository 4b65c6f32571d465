import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '@/lib/auth/test-fixtures';
import { withTransaction } from '@/lib/db';
import type { TEventInput } from '@/lib/epcis';
import { enterEventFence } from '@/lib/ledger/fence';
import { SMALL_WRITE, writeEvents, type TEventRow } from './write-events';

/*
 * Small requests go in with one INSERT, large ones with COPY
 * (docs/decisions/095). Both must store byte for byte the same rows: the
 * ledger hashes what is stored, and the audit recomputes it.
 */
const AWKWARD = 'back\\slash, "quote", tab\tnew\nline, umlaut ä, emoji 💊, nul-free';

function row(tag: string, i: number, orgId: string): TEventRow {
  const publicRecord = JSON.stringify({ eventId: `${tag}-${i}`, note: AWKWARD });
  const input = {
    type: 'ObjectEvent',
    action: i % 2 === 0 ? 'OBSERVE' : null,
    bizStep: 'shipping',
    disposition: i % 3 === 0 ? null : 'in_transit',
    eventTime: '2026-03-04T05:06:07.089Z',
    eventTimeZoneOffset: '+01:00',
    epcs: [
      { key: `01/04012345000010/21/${tag}${i}A`, role: 'epc' },
      { key: `01/04012345000010/21/${tag}${i}\\B`, role: 'epc' },
    ],
    readPoint: i % 2 === 0 ? '414/4012345000009' : null,
    bizLocation: `urn:example:${AWKWARD}`,
  } as unknown as TEventInput;
  return {
    eventId: `ni:///sha-256;${createHash('sha256').update(`${tag}-${i}-${randomBytes(8).toString('hex')}`).digest('hex')}?ver=CBV2.0`,
    input,
    records: {
      publicRecord,
      privateRecord: JSON.stringify({ event: { note: AWKWARD, n: i }, recorder: { name: 'Zürich \\ "Apotheke"' } }),
      salt: randomBytes(16),
      leafHash: createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(publicRecord)])).digest(),
    },
    partyIds: [orgId],
  };
}

type TStored = Record<string, unknown>;

describe('writing events', () => {
  it('stores the same values through the one-statement path and through COPY', async () => {
    const org = await createTestOrg('DISTRIBUTOR');
    const small = Array.from({ length: 3 }, (_, i) => row('S', i, org.id));
    const large = Array.from({ length: SMALL_WRITE.events + 1 }, (_, i) => row('L', i, org.id));
    const context = { orgId: org.id, recordTime: '2026-03-04T06:00:00.000Z', captureId: null };
    const rollback = new Error('rollback');
    let stored: { small: TStored[]; large: TStored[]; epcs: Record<string, string[]>; ids: string[][] } | null = null;
    await withTransaction(async (tx) => {
      await enterEventFence(tx);
      const smallIds = await writeEvents(tx, small, context);
      const largeIds = await writeEvents(tx, large, context);
      const read = async (ids: string[]) =>
        (
          await tx.query<TStored>(
            `SELECT id::text, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, read_point, biz_location,
                    public_record, private_record::text AS private_record, encode(salt, 'hex') AS salt, encode(leaf_hash, 'hex') AS leaf_hash, party_ids, org_id
               FROM events WHERE id = ANY($1::bigint[]) ORDER BY events.id`,
            [ids],
          )
        ).rows;
      const epcRows = await tx.query<{ id: string; epcs: string[] }>(
        `SELECT event_id::text AS id, array_agg(epc || ' ' || role ORDER BY epc) AS epcs FROM event_epcs WHERE event_id = ANY($1::bigint[]) GROUP BY event_id`,
        [[...smallIds, ...largeIds]],
      );
      stored = { small: await read(smallIds), large: await read(largeIds), epcs: Object.fromEntries(epcRows.rows.map((r) => [r.id, r.epcs])), ids: [smallIds, largeIds] };
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
    const { small: s, large: l, epcs, ids } = stored!;
    // Ids in request order, consecutive within a request.
    for (const list of ids) expect(list.map(BigInt)).toEqual(list.map((_, i) => BigInt(list[0]!) + BigInt(i)));
    expect(s).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const { id: _a, ...fromInsert } = s[i]!;
      const { id: _b, ...fromCopy } = l[i]!;
      // Same content except what is derived from the tag, the salt and the hashes.
      const strip = (r: TStored) => ({ ...r, public_record: String(r.public_record).replace(/"[SL]-/, '"X-'), salt: null, leaf_hash: null });
      expect(strip(fromInsert)).toEqual(strip(fromCopy));
      expect(fromInsert.public_record).toBe(small[i]!.records.publicRecord);
      expect(JSON.parse(String(fromInsert.private_record))).toEqual(JSON.parse(small[i]!.records.privateRecord));
      expect(fromInsert.salt).toBe(small[i]!.records.salt.toString('hex'));
      expect(fromInsert.leaf_hash).toBe(small[i]!.records.leafHash.toString('hex'));
      expect(fromCopy.public_record).toBe(large[i]!.records.publicRecord);
      expect(epcs[ids[0]![i]!]).toEqual(small[i]!.input.epcs.map((e) => `${e.key} ${e.role}`).sort());
      expect(epcs[ids[1]![i]!]).toEqual(large[i]!.input.epcs.map((e) => `${e.key} ${e.role}`).sort());
    }
  });
});
