import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CBV_BIZ_TRANSACTION_TYPES, eventHashId, parseEpcisEvent } from '@/lib/epcis';
import { epcKey, withCheckDigit } from '@/lib/gs1';
import { CSET_82 } from '@/lib/gs1/charset';
import { canonicalJson } from '@/lib/verify';
import { classifyEvent } from '../kinds';
import { buildLedgerRecords, privateRecordOf } from './ledger-records';
import { SCAN_KINDS, type TScanKind } from '../types';
import { buildScanCaptureEvent, buildScanEvent, type TScanSpec } from './build-scan-event';

/*
 * lib/epcis is the definition of an event: the scan API builds its events
 * directly for speed, and these properties prove that what it builds is what
 * the EPCIS parser would read from the very document it stores.
 */

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const gtin = digits(13).map((d) => withCheckDigit(d));
const gln = digits(12).map((d) => withCheckDigit(d));
const sscc = digits(17).map((d) => withCheckDigit(d));
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET_82), minLength: 1, maxLength: max });
const packKey = fc.tuple(gtin, cset82(20)).map(([g, serial]) => epcKey({ gtin: g, serial }));
const caseKey = sscc.map((s) => epcKey({ sscc: s }));
const batchKey = fc.tuple(gtin, cset82(20)).map(([g, lot]) => epcKey({ gtin: g, lot }));
const time = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const offset = fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 13 }), fc.constantFrom('00', '30', '45')).map(([s, h, m]) => `${s}${String(h).padStart(2, '0')}:${m}`);
const expiry = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const bizTransaction = fc.record({ type: fc.constantFrom(...CBV_BIZ_TRANSACTION_TYPES), id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,30}$/) });

function specOf(kind: TScanKind): fc.Arbitrary<TScanSpec> {
  const aggregation = kind === 'pack' || kind === 'unpack';
  return fc.record({
    kind: fc.constant(kind),
    epcs: fc.uniqueArray(fc.oneof(packKey, caseKey), { minLength: kind === 'unpack' ? 0 : 1, maxLength: 6 }),
    parent: aggregation ? caseKey : fc.constant(undefined),
    classes: kind === 'recall' ? fc.uniqueArray(batchKey, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
    eventTime: time,
    eventTimeZoneOffset: offset,
    recorderGln: gln,
    partnerGln: kind === 'ship' || kind === 'return' ? gln : kind === 'receive' ? fc.option(gln, { nil: undefined }) : fc.constant(undefined),
    bizTransactions: fc.option(fc.array(bizTransaction, { maxLength: 2 }), { nil: undefined }),
    ilmd: kind === 'commission' ? fc.record({ lot: cset82(20), expiry: fc.option(expiry, { nil: undefined }) }, { requiredKeys: ['lot'] }) : fc.constant(undefined),
  }, { requiredKeys: ['kind', 'epcs', 'eventTime', 'eventTimeZoneOffset', 'recorderGln'] }) as fc.Arbitrary<TScanSpec>;
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('buildScanEvent', () => {
  it.each(SCAN_KINDS)('builds for "%s" exactly the model lib/epcis reads from the stored document', (kind) => {
    fc.assert(
      fc.property(specOf(kind), (spec) => {
        const built = buildScanEvent(spec);
        // As a client would send it: without an eventID, which the parser then sets to its own hash ID.
        const { eventID, ...sent } = built.document;
        expect(eventID).toBe(built.hashId);
        const parsed = parseEpcisEvent(sent);
        expect(withoutUndefined(built)).toEqual(withoutUndefined(parsed));
        expect(eventHashId(built.document)).toBe(built.hashId);
        expect(classifyEvent(built)).toBe(kind);
      }),
      { numRuns: 60 },
    );
  });

  it.each(SCAN_KINDS)('writes the private record of "%s" as exactly the canonical JSON of the private record', (kind) => {
    const recorder = { id: '0b6f8a52-4d0e-4c4f-9d35-3f8bf0a1b2c3', name: 'Apotheke "am" Markt \u00e9', role: 'PHARMACY' as const, gln: '4095555000019', country: 'DE' };
    fc.assert(
      fc.property(specOf(kind), time, (spec, recordTime) => {
        const event = buildScanCaptureEvent(spec);
        const context = { eventId: event.input.hashId, recordTime, batch: null, recorder, salt: Buffer.alloc(16, 7) };
        const records = buildLedgerRecords(event.input, { ...context, documentJcs: event.documentJcs });
        expect(records.privateRecord).toBe(canonicalJson(privateRecordOf(event.input, context)));
        expect(records).toEqual(buildLedgerRecords(event.input, context));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same event the same hash ID and a different event another one', () => {
    const spec: TScanSpec = {
      kind: 'ship',
      epcs: ['01/04098765000119/21/ABC'],
      eventTime: '2026-11-21T10:00:00.000Z',
      eventTimeZoneOffset: '+01:00',
      recorderGln: '4098765000010',
      partnerGln: '4091234000016',
    };
    expect(buildScanEvent(spec).hashId).toBe(buildScanEvent({ ...spec }).hashId);
    expect(buildScanEvent({ ...spec, partnerGln: '4098765000010' }).hashId).not.toBe(buildScanEvent(spec).hashId);
    expect(buildScanEvent({ ...spec, eventTime: '2026-11-21T10:00:00.001Z' }).hashId).not.toBe(buildScanEvent(spec).hashId);
  });
});
