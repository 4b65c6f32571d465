import { AppError } from '@/lib/errors';

/** The hash ID, and the ID the events service gives an error declaration: `<hash ID>&declaration=<64 hex>`. */
const HASH_ID = /^ni:\/\/\/sha-256;([0-9a-fA-F]{64})\?ver=CBV2\.0(&declaration=[0-9a-fA-F]{64})?$/;
const BARE_DIGEST = /^[0-9a-fA-F]{64}$/;

/** How an event ID may be written: its CBV 2.0 event hash ID, or the 64-hex digest alone. */
const ACCEPTED =
  'Give the CBV 2.0 event hash ID (ni:///sha-256;<64 hex digits>?ver=CBV2.0, URL-encoded in a path; an error declaration adds &declaration=<64 hex digits>) or its 64 hex digits alone.';

function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The stored form of an event ID (`events.event_id`:
 * `ni:///sha-256;<lowercase hex>?ver=CBV2.0`) from what a client put in a
 * URL path: the hash ID itself (percent-encoded once, which routers may or
 * may not have decoded already) or the bare digest, in either case of hex.
 */
export function parseEventIdParam(raw: string): string {
  for (const candidate of [raw, tryDecode(raw)]) {
    if (candidate === undefined) continue;
    const text = candidate.trim();
    if (BARE_DIGEST.test(text)) return `ni:///sha-256;${text.toLowerCase()}?ver=CBV2.0`;
    const match = HASH_ID.exec(text);
    if (match) return `ni:///sha-256;${match[1]!.toLowerCase()}?ver=CBV2.0${(match[2] ?? '').toLowerCase()}`;
  }
  throw new AppError('ledger_event_id_invalid', `${JSON.stringify(raw.slice(0, 200))} is not an event ID. ${ACCEPTED}`);
}
