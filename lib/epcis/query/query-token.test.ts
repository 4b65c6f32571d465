import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY } from './event-query';
import { decodePageToken, encodePageToken } from './page-token';
import { decodeQueryCursor, encodeQueryCursor, queryDigest, type TQueryCursor } from './query-token';
import { z } from 'zod';

const digest = queryDigest(EMPTY_QUERY);
const cursor: TQueryCursor = { highWaterMark: '123456', queryDigest: digest, after: { sort: '2026-01-01T00:00:00.000Z', id: '120000' }, remaining: 7 };

describe('nextPageToken of an event query', () => {
  it('round-trips its cursor, and is URL-safe', () => {
    const token = encodeQueryCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQueryCursor(token, digest)).toEqual(cursor);
  });

  it('round-trips any cursor (property)', () => {
    const ids = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String);
    const time = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(ids, ids, fc.option(time), fc.option(fc.integer({ min: 1, max: 1e9 })), (h, i, s, r) => {
        const c: TQueryCursor = { highWaterMark: h, queryDigest: digest, after: { sort: s, id: i }, remaining: r };
        expect(decodeQueryCursor(encodeQueryCursor(c), digest)).toEqual(c);
      }),
    );
  });

  it('is good only for the query that issued it', () => {
    const other = queryDigest({ ...EMPTY_QUERY, bizSteps: ['shipping'] });
    expect(other).not.toBe(digest);
    expect(() => decodeQueryCursor(encodeQueryCursor(cursor), other)).toThrow(expect.objectContaining({ code: 'epcis_page_token_invalid', status: 400 }));
  });

  it('refuses anything it did not write: garbage, a cut-off token, edited fields, a huge token', () => {
    const token = encodeQueryCursor(cursor);
    const edited = encodePageToken({ v: 1, h: '-1', q: digest, s: null, i: '5', r: null });
    for (const bad of ['', 'garbage!', token.slice(0, -3), edited, 'A'.repeat(2000), encodePageToken({ v: 2 }), btoa('{"v":1')]) {
      expect(() => decodeQueryCursor(bad, digest), bad.slice(0, 30)).toThrow(expect.objectContaining({ code: 'epcis_page_token_invalid' }));
    }
  });

  it('decodes UTF-8 payloads exactly', () => {
    const schema = z.object({ t: z.string() });
    expect(decodePageToken(encodePageToken({ t: 'Lüneburg ✓ 🚚' }), schema)).toEqual({ t: 'Lüneburg ✓ 🚚' });
  });
});
