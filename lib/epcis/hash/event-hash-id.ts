import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { AppError } from '@/lib/errors/app-error';
import { prefixesOf, type TPrefixes } from '../context/prefixes';
import { guardJson } from '../json/guard-json';
import { isObject } from '../json/shape';
import { readDateTime } from '../time/date-time';
import { preHashString } from './pre-hash-string';

/** The version of the event hash ID algorithm we implement (CBV 2.0 §8.9). */
export const EVENT_HASH_VERSION = 'CBV2.0';

const HASH_ID = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;

/**
 * The CBV 2.0 event hash ID of an EPCIS 2.0 event:
 * ni:///sha-256;<lowercase hex of SHA-256(UTF-8 pre-hash string)>?ver=CBV2.0.
 * The same event gives the same ID whatever its key order, whitespace,
 * identifier spelling (EPC URN or Digital Link), vocabulary spelling (bare
 * word, URN or Web URI) and time zone; `context` is the enclosing
 * document's @context, whose prefixes name the extension fields.
 */
export function eventHashId(event: Record<string, unknown>, context?: unknown): string {
  return hashIdOfPreHash(eventPreHashString(event, context));
}

/**
 * SHA-256 of the UTF-8 of a text, as lowercase hex. The pure default is
 * @noble/hashes; a server may pass a native one (the crypto module's hash()),
 * several times faster on capture's hot path and bit for bit the same.
 */
export type TSha256Hex = (text: string) => string;

export const nobleSha256Hex: TSha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/** The hash ID of a validated event whose prefixes are already resolved (the parser's path). */
export function hashIdWithPrefixes(event: Record<string, unknown>, prefixes: TPrefixes, sha256Hex: TSha256Hex = nobleSha256Hex): string {
  return hashIdOfPreHash(preHashString(event, prefixes), sha256Hex);
}

function hashIdOfPreHash(preHash: string, sha256Hex: TSha256Hex = nobleSha256Hex): string {
  return `ni:///sha-256;${sha256Hex(preHash)}?ver=${EVENT_HASH_VERSION}`;
}

/** The pre-hash string eventHashId hashes; published so anyone can see exactly what was hashed. */
export function eventPreHashString(event: Record<string, unknown>, context?: unknown): string {
  guardJson(event, 'The event');
  if (!isObject(event) || typeof event.type !== 'string' || typeof event.eventTime !== 'string' || !readDateTime(event.eventTime.trim()).ok) {
    throw new AppError('epcis_validation_failed', 'An event hash ID needs an event with a type and a valid eventTime.', {
      errors: [{ pointer: '', code: 'invalid_value', detail: 'the event has no type or no valid eventTime' }],
    });
  }
  const prefixes = prefixesOf(event['@context'], prefixesOf(context));
  return preHashString(event, prefixes);
}

/** True for a CBV 2.0 SHA-256 event hash ID as eventHashId writes it. */
export function isEventHashId(value: string): boolean {
  return HASH_ID.test(value);
}
