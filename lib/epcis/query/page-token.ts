import type { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';

/*
 * nextPageToken: where the next page starts, as base64url of a small JSON
 * object. It is opaque to clients (the binding says so) but not secret, and
 * deliberately harmless to tamper with (docs/decisions/045): what a caller
 * may read is decided from its credentials on every page, never from the
 * token, so an edited token can only move the caller's own cursor within
 * what it may see anyway. A token that does not decode, or that belongs to
 * another query, is refused with epcis_page_token_invalid.
 */

/** Longest token accepted: real ones are under 300 characters. */
const MAX_TOKEN_LENGTH = 1024;

export function encodePageToken(payload: Record<string, unknown>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The token's payload, validated by `schema`; throws epcis_page_token_invalid (400). */
export function decodePageToken<S extends z.ZodType>(token: string, schema: S): z.infer<S> {
  const refuse = (): never => {
    throw new AppError('epcis_page_token_invalid', 'nextPageToken is not a token this repository issued: follow the Link header of the previous page, unchanged.');
  };
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return refuse();
  let payload: unknown;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return refuse();
  }
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : refuse();
}
