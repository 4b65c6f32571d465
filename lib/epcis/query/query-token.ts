import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import type { TEventQuery } from './event-query';
import { decodePageToken, encodePageToken } from './page-token';

/**
 * The nextPageToken of an event query: the snapshot every page reads (the
 * ledger's high-water mark when the first page was read: every event at or
 * below it was committed then, and nothing can join it later), the last
 * event of the previous page in the query's order, what is left of
 * eventCountLimit, and a digest of the query, so a token is only good for
 * the query that issued it (perPage may change between pages).
 */
export type TQueryCursor = {
  highWaterMark: string;
  queryDigest: string;
  after: { sort: string | null; id: string };
  /** Events eventCountLimit still allows; null without one. */
  remaining: number | null;
};

const ZToken = z.object({
  v: z.literal(1),
  h: z.string().regex(/^\d{1,19}$/),
  q: z.string().regex(/^[0-9a-f]{32}$/),
  s: z.iso.datetime().nullable(),
  i: z.string().regex(/^\d{1,19}$/),
  r: z.number().int().min(1).nullable(),
});

/** A digest of what the query asks (not of paging): the same query string in another parameter order is the same query. */
export function queryDigest(query: TEventQuery): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(query)))).slice(0, 32);
}

export function encodeQueryCursor(cursor: TQueryCursor): string {
  return encodePageToken({ v: 1, h: cursor.highWaterMark, q: cursor.queryDigest, s: cursor.after.sort, i: cursor.after.id, r: cursor.remaining });
}

/** The cursor of a token issued for this query; 400 epcis_page_token_invalid for any other. */
export function decodeQueryCursor(token: string, digest: string): TQueryCursor {
  const payload = decodePageToken(token, ZToken);
  if (payload.q !== digest) {
    throw new AppError('epcis_page_token_invalid', 'nextPageToken belongs to another query: keep every parameter but perPage as it was on the first page, or start again without a token.');
  }
  return { highWaterMark: payload.h, queryDigest: payload.q, after: { sort: payload.s, id: payload.i }, remaining: payload.r };
}
