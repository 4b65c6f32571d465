import { describe, expect, it } from 'vitest';
import { anchorHashHex, fromHex, GENESIS_PREV_HASH, toHex } from '@/lib/verify';
import { anchorFromRow, anchorRecordFromRow, computeAnchorHash, type TAnchorRow } from './anchor-hash';

const ROW: TAnchorRow = {
  seq: 3,
  periodStart: new Date('2026-03-01T10:00:00.000Z'),
  periodEnd: new Date('2026-03-01T10:00:59.999Z'),
  firstEventId: 9_007_199_254_740_993n, // above 2^53: must not pass through a JavaScript number
  lastEventId: 9_007_199_254_741_000n,
  treeSize: 8,
  root: fromHex('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'),
  prevHash: fromHex(GENESIS_PREV_HASH),
};

describe('anchor rows', () => {
  it('convert to the public form exactly: ISO instants, decimal ids, lowercase hex', () => {
    expect(anchorRecordFromRow(ROW)).toEqual({
      seq: 3,
      periodStart: '2026-03-01T10:00:00.000Z',
      periodEnd: '2026-03-01T10:00:59.999Z',
      firstEventId: '9007199254740993',
      lastEventId: '9007199254741000',
      treeSize: 8,
      root: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
      prevHash: GENESIS_PREV_HASH,
    });
  });

  it('hash the way the public verifier does', () => {
    const hash = computeAnchorHash(ROW);
    expect(toHex(hash)).toBe(anchorHashHex(anchorRecordFromRow(ROW)));
    expect(anchorFromRow({ ...ROW, hash }).hash).toBe(toHex(hash));
  });
});
