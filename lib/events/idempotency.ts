import { createHash } from 'node:crypto';
import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Idempotency-Key (the IETF draft "The Idempotency-Key HTTP Header Field"):
 * a client that may retry a write sends a key it chose; the first successful
 * answer is stored with the change it made, in the same transaction, and a
 * retry with the same key and the same request gets that answer back
 * without doing anything again. The same key with a different request is
 * 422 idempotency_key_reused. Keys are per organisation and kept for
 * IDEMPOTENCY_TTL_HOURS. Only successful answers are stored: a refused
 * request left nothing behind, so retrying it simply runs it again.
 *
 * Concurrent requests with one key queue on the key's row: the second
 * waits until the first commits, then reads its answer.
 */
export type TIdempotencyKey = { key: string; requestHash: string };
export type TStoredAnswer = { status: number; body: unknown };

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header of a request, validated, with the hash of what the request asks for. */
export function idempotencyKeyOf(request: Request, bodyText: string): TIdempotencyKey | undefined {
  const header = request.headers.get('idempotency-key');
  if (header === null) return undefined;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_PATTERN.test(key)) throw new AppError('bad_request', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.');
  const url = new URL(request.url);
  return { key, requestHash: createHash('sha256').update(`${request.method} ${url.pathname}${url.search}\n${bodyText}`).digest('hex') };
}

/**
 * Claims the key inside the caller's transaction. Returns the stored answer
 * when this key already succeeded with the same request (the caller returns
 * it and does nothing else), null when the caller goes ahead.
 */
export async function claimIdempotencyKey(tx: Queryable, orgId: string, idempotency: TIdempotencyKey): Promise<TStoredAnswer | null> {
  const { rowCount } = await tx.query(
    `INSERT INTO idempotency_keys (org_id, key, request_hash, status, response) VALUES ($1, $2, $3, 0, 'null'::jsonb)
     ON CONFLICT (org_id, key) DO NOTHING`,
    [orgId, idempotency.key, idempotency.requestHash],
  );
  if (rowCount === 1) return null;
  const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown; expired: boolean }>(
    `SELECT request_hash, status, response, created_at < now() - make_interval(hours => $3) AS expired FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
    [orgId, idempotency.key, IDEMPOTENCY_TTL_HOURS],
  );
  const row = rows[0];
  if (!row || row.expired) {
    await tx.query(`UPDATE idempotency_keys SET request_hash = $3, status = 0, response = 'null'::jsonb, created_at = now() WHERE org_id = $1 AND key = $2`, [orgId, idempotency.key, idempotency.requestHash]);
    return null;
  }
  if (row.request_hash !== idempotency.requestHash) {
    throw new AppError('idempotency_key_reused', `The Idempotency-Key "${idempotency.key}" was used for a different request; use a new key for a new request.`);
  }
  return { status: row.status, body: row.response };
}

/** Stores the answer with the change (same transaction); now and then drops keys past their lifetime. */
export async function saveIdempotentAnswer(tx: Queryable, orgId: string, idempotency: TIdempotencyKey, answer: TStoredAnswer): Promise<void> {
  await tx.query(`UPDATE idempotency_keys SET status = $3, response = $4::jsonb WHERE org_id = $1 AND key = $2`, [orgId, idempotency.key, answer.status, JSON.stringify(answer.body)]);
  if (Math.random() < 0.01) {
    await tx.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) LIMIT 1000)`,
      [IDEMPOTENCY_TTL_HOURS],
    );
  }
}
