import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseEventIdParam } from './parse-event-id';

const DIGEST = '57cbff880730971cada639a1d3962bd5519a29cf436034127b8b520a556d23e2';
const HASH_ID = `ni:///sha-256;${DIGEST}?ver=CBV2.0`;

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('parseEventIdParam', () => {
  it.each([
    ['the hash ID as a router passes it decoded', HASH_ID],
    ['the hash ID still percent-encoded', encodeURIComponent(HASH_ID)],
    ['the bare digest', DIGEST],
    ['the bare digest in upper case', DIGEST.toUpperCase()],
    ['the hash ID with upper-case hex', `ni:///sha-256;${DIGEST.toUpperCase()}?ver=CBV2.0`],
  ])('reads %s as the stored event ID', (_, raw) => {
    expect(parseEventIdParam(raw)).toBe(HASH_ID);
  });

  it('reads the ID of an error declaration (the declared event\'s hash ID and the declaration\'s digest)', () => {
    const declaration = `${HASH_ID}&declaration=${'0a'.repeat(32)}`;
    expect(parseEventIdParam(encodeURIComponent(declaration))).toBe(declaration);
    expect(parseEventIdParam(declaration.toUpperCase().replace('NI:///SHA-256;', 'ni:///sha-256;').replace('?VER=CBV2.0&DECLARATION=', '?ver=CBV2.0&declaration='))).toBe(declaration);
  });

  it.each([
    ['a digest one digit short', DIGEST.slice(1)],
    ['another hash algorithm', `ni:///sha-512;${DIGEST}?ver=CBV2.0`],
    ['another CBV version', `ni:///sha-256;${DIGEST}?ver=CBV2.1`],
    ['a declaration suffix that is not a digest', `${HASH_ID}&declaration=xyz`],
    ['a URN event ID', 'urn:uuid:6d2ff6b6-5f34-4c1e-9f0a-2a0b0c1d2e3f'],
    ['an encoding that cannot be decoded', '%E0%A4%A'],
    ['twice-encoded', encodeURIComponent(encodeURIComponent(HASH_ID))],
    ['empty', ''],
  ])('refuses %s with ledger_event_id_invalid', (_, raw) => {
    expect(codeOf(() => parseEventIdParam(raw))).toBe('ledger_event_id_invalid');
  });
});
