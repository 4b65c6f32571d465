import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/verify';
import type { TPublicRecord } from './ledger-records';
import { publicRecordJcs } from './record-jcs';

const text = fc.string({ unit: 'grapheme' });
const record: fc.Arbitrary<TPublicRecord> = fc.record({
  v: fc.constant(1 as const),
  eventId: text,
  type: text,
  action: fc.option(text, { nil: null }),
  bizStep: fc.option(text, { nil: null }),
  disposition: fc.option(text, { nil: null }),
  eventTime: text,
  eventTimeZoneOffset: text,
  recordTime: text,
  epcs: fc.record({ count: fc.nat(), root: text }),
  batch: fc.option(fc.record({ gtin: text, lot: text, expiry: text }), { nil: null }),
  actor: fc.record({ role: text, country: text, name: text, gln: text }, { requiredKeys: ['role', 'country'] }),
  privateDigest: text,
  recall: fc.record({ class: fc.constantFrom('I' as const, 'II' as const, 'III' as const), reason: text }),
}, { requiredKeys: ['v', 'eventId', 'type', 'action', 'bizStep', 'disposition', 'eventTime', 'eventTimeZoneOffset', 'recordTime', 'epcs', 'batch', 'actor', 'privateDigest'] });

describe('publicRecordJcs', () => {
  it('writes exactly the RFC 8785 text lib/verify writes, which the public verifier hashes', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(publicRecordJcs(r)).toBe(canonicalJson(r));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a lone surrogate as canonicalJson does', () => {
    const r = fc.sample(record, 1)[0] as TPublicRecord;
    expect(() => publicRecordJcs({ ...r, bizStep: '\ud800' })).toThrow();
  });
});
