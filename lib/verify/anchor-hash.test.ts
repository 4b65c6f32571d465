import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anchorHash, anchorHashHex, anchorRecordProblem, GENESIS_PREV_HASH, type TAnchorRecord } from './anchor-hash';

const GENESIS: TAnchorRecord = {
  seq: 0,
  periodStart: '2026-03-01T10:00:00.000Z',
  periodEnd: '2026-03-01T10:01:00.000Z',
  firstEventId: '1',
  lastEventId: '1000',
  treeSize: 1000,
  root: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  prevHash: GENESIS_PREV_HASH,
};

describe('anchorHash', () => {
  it('is SHA-256 of the canonical JSON of the eight fields, members in code-unit order', () => {
    // Written out by hand from RFC 8785: sorted names, no whitespace, numbers as ECMAScript prints them.
    const canonical =
      '{"firstEventId":"1","lastEventId":"1000","periodEnd":"2026-03-01T10:01:00.000Z","periodStart":"2026-03-01T10:00:00.000Z",' +
      '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000",' +
      '"root":"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328","seq":0,"treeSize":1000}';
    expect(anchorHashHex(GENESIS)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('leaves out the hash itself and any other extra member', () => {
    const withExtras = { ...GENESIS, hash: 'ff'.repeat(32), note: 'ignored' } as TAnchorRecord;
    expect(anchorHashHex(withExtras)).toBe(anchorHashHex(GENESIS));
  });

  it('changes when any field changes', () => {
    const changes: Partial<TAnchorRecord>[] = [
      { seq: 1 },
      { periodStart: '2026-03-01T09:59:59.999Z' },
      { periodEnd: '2026-03-01T10:01:00.001Z' },
      { firstEventId: '2' },
      { lastEventId: '1001' },
      { treeSize: 999 },
      { root: `${GENESIS.root.slice(0, -1)}9` },
      { prevHash: `${'0'.repeat(63)}1` },
    ];
    const hashes = new Set([anchorHashHex(GENESIS), ...changes.map((c) => anchorHashHex({ ...GENESIS, ...c }))]);
    expect(hashes.size).toBe(changes.length + 1);
  });

  it.each<[string, Partial<TAnchorRecord>]>([
    ['a negative seq', { seq: -1 }],
    ['a fractional seq', { seq: 1.5 }],
    ['a time without milliseconds', { periodStart: '2026-03-01T10:00:00Z' }],
    ['a time with an offset', { periodStart: '2026-03-01T12:00:00.000+02:00' }],
    ['an impossible date', { periodEnd: '2026-02-30T10:00:00.000Z' }],
    ['a start after the end', { periodStart: '2026-03-01T10:02:00.000Z' }],
    ['an event id with a leading zero', { firstEventId: '01' }],
    ['an event id given as a number', { firstEventId: 1 as unknown as string }],
    ['a first event after the last', { firstEventId: '1001' }],
    ['a negative tree size', { treeSize: -1 }],
    ['an uppercase root', { root: GENESIS.root.toUpperCase() }],
    ['a short prevHash', { prevHash: '00' }],
  ])('rejects %s', (_, change) => {
    const record = { ...GENESIS, ...change };
    expect(anchorRecordProblem(record)).toBeTypeOf('string');
    expect(() => anchorHash(record)).toThrow(TypeError);
  });
});
