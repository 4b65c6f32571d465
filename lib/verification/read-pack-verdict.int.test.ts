import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { caseCode, scan, testSscc } from '@/lib/events/testing/fixtures';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { withCheckDigit } from '@/lib/gs1';
import { loadPackVerdictState, readPackVerdictStates, VERDICT_BATCH, type TPackRef } from './read-pack-verdict';
import { packKey, throughCaseToPharmacy, toPharmacy } from './testing/journeys';

/*
 * Under load, verdict lookups share one statement (docs/decisions/094).
 * A pack's answer must not depend on which other packs were read with it:
 * states and journeys stay with their own pack, in their own order.
 */
let n: TTestNetwork;
const ref = (i: number): TPackRef => ({ gtin: n.batch.gtin, serial: n.serials[i]!, key: packKey(n, i) });

beforeAll(async () => {
  n = await createTestNetwork(12);
  await throughCaseToPharmacy(n, 0);
  await toPharmacy(n, 1);
  await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(1)] });
  // A trader's own case (its code is withheld from the journey).
  await scan(n.maker, { kind: 'ship', codes: [n.code(2)], to: n.dist.gln });
  await scan(n.dist, { kind: 'receive', codes: [n.code(2)] });
  const sscc = testSscc('4099999');
  await scan(n.dist, { kind: 'pack', parent: caseCode(sscc), codes: [n.code(2)] }, { kind: 'ship', codes: [caseCode(sscc)], to: n.pharmacy.gln });
  await scan(n.pharmacy, { kind: 'receive', codes: [caseCode(sscc)] });
});

describe('pack verdict states read in batches', () => {
  it('gives each pack of a batch exactly what it gets when read alone', async () => {
    const unknownGtin = withCheckDigit('0999999999999');
    const packs: TPackRef[] = [
      ref(0),
      ref(1),
      { gtin: unknownGtin, serial: 'NOPE1', key: `01/${unknownGtin}/21/NOPE1` },
      ref(2),
      { gtin: n.batch.gtin, serial: 'NEVERISSUED', key: `01/${n.batch.gtin}/21/NEVERISSUED` },
      ref(3),
      ref(0),
    ];
    const alone = [];
    for (const pack of packs) alone.push((await readPackVerdictStates(getPool(), [pack]))[0]);
    const together = await readPackVerdictStates(getPool(), packs);
    expect(together).toEqual(alone);
    // The answers are the packs' own, not empty ones that would also be equal.
    expect(alone[0]!.journey.map((s) => s.step)).toEqual(['commission', 'pack', 'ship', 'receive', 'unpack', 'ship', 'receive']);
    expect(alone[1]!.stored?.pack?.status).toBe('DISPENSED');
    expect(alone[1]!.journey.at(-1)?.step).toBe('dispense');
    expect(alone[2]).toEqual({ stored: null, journey: [] });
    expect(alone[3]!.journey.filter((s) => s.throughCase).every((s) => s.namedKey === null && s.via === null)).toBe(true);
    expect(alone[4]!.stored?.product.gtin).toBe(n.batch.gtin);
    expect(alone[4]!.stored?.pack).toBeNull();
    expect(alone[5]!.journey.map((s) => s.step)).toEqual(['commission']);
  });

  it('answers every one of many concurrent lookups with its own pack, whatever batches they fall into', async () => {
    const lookups = Array.from({ length: VERDICT_BATCH.maxBatch * VERDICT_BATCH.maxInFlight + 7 }, (_, k) => ref(k % 6));
    const expected = await readPackVerdictStates(getPool(), [0, 1, 2, 3, 4, 5].map(ref));
    const answers = await Promise.all(lookups.map((pack) => loadPackVerdictState(pack)));
    answers.forEach((answer, k) => expect(answer).toEqual(expected[k % 6]));
  });
});
