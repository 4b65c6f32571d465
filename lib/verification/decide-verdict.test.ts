import { describe, expect, it } from 'vitest';
import { decideBatchVerdict, decidePackVerdict, type TPackStatus, type TStoredPack } from './decide-verdict';
import { lvmData } from './lvm-answer';
import { packNotes } from './verdict-words';

const TODAY = '2026-03-01';

function stored(status: TPackStatus, batch: Partial<{ lot: string; expiry: string; status: 'ACTIVE' | 'RECALLED' }> = {}, recallOpen?: boolean): TStoredPack {
  return {
    product: { gtin: '04098765000119', name: 'Amoxicillin', form: 'capsule', strength: '500 mg', packSize: 20 },
    manufacturer: { name: 'Nordwind', country: 'DE' },
    owner: { orgId: 'o', gln: '4098765000017' },
    pack: {
      status,
      dispensedAt: status === 'DISPENSED' ? '2026-02-01T09:00:00.000Z' : null,
      batch: { id: 'b', lot: 'AMX2401', expiry: '2027-03-31', status: 'ACTIVE', ...batch },
      recall: recallOpen === undefined ? null : { reason: 'Particles', recallClass: 'II', since: '2026-02-10', open: recallOpen },
      custody: { custodianOrgId: null, inTransitToId: null, dispensedById: null },
    },
  };
}

const word = (s: TStoredPack | null, scanned = {}) => decidePackVerdict(s, scanned, TODAY).verdict;

describe('decidePackVerdict', () => {
  it('gives each verdict for its state', () => {
    expect(word(stored('ACTIVE'))).toBe('AUTHENTIC');
    expect(word(stored('DISPENSED'))).toBe('DISPENSED');
    expect(word(stored('RECALLED'))).toBe('RECALLED');
    expect(word(stored('EXPIRED'))).toBe('EXPIRED');
    expect(word(stored('STOLEN'))).toBe('STOLEN');
    expect(word(stored('DESTROYED'))).toBe('DESTROYED');
    expect(word(null)).toBe('UNKNOWN');
    expect(word({ ...stored('ACTIVE'), pack: null })).toBe('UNKNOWN');
    expect(word(stored('ACTIVE'), { lot: 'FAKE' })).toBe('MISMATCH');
  });

  it('reads recalls and expiry from the batch and the recall too, not only the pack status', () => {
    expect(word(stored('ACTIVE', { status: 'RECALLED' }))).toBe('RECALLED');
    expect(word(stored('ACTIVE', {}, true))).toBe('RECALLED');
    expect(word(stored('ACTIVE', {}, false))).toBe('AUTHENTIC');
    expect(word(stored('ACTIVE', { expiry: '2026-02-28' }))).toBe('EXPIRED');
    expect(word(stored('ACTIVE', { expiry: TODAY }))).toBe('AUTHENTIC');
  });

  it('applies the precedence: MISMATCH, STOLEN, DESTROYED, RECALLED, DISPENSED, EXPIRED', () => {
    expect(word(stored('STOLEN'), { expiry: '2030-01-31' })).toBe('MISMATCH');
    expect(word(stored('STOLEN', { status: 'RECALLED', expiry: '2020-01-31' }))).toBe('STOLEN');
    expect(word(stored('DESTROYED', { status: 'RECALLED' }))).toBe('DESTROYED');
    expect(word(stored('DISPENSED', { status: 'RECALLED' }))).toBe('RECALLED');
    expect(word(stored('DISPENSED', { expiry: '2020-01-31' }))).toBe('DISPENSED');
    expect(word(stored('RECALLED', { expiry: '2020-01-31' }))).toBe('RECALLED');
  });

  it('says which printed fact differs: lot, full expiry, or expiry month', () => {
    const s = stored('ACTIVE');
    expect(decidePackVerdict(s, { lot: 'X' }, TODAY).mismatch).toEqual({ lot: true, expiry: false });
    expect(decidePackVerdict(s, { expiry: '2027-03-30' }, TODAY).mismatch).toEqual({ lot: false, expiry: true });
    expect(decidePackVerdict(s, { expiryMonth: '2027-03' }, TODAY).mismatch).toBeNull();
    expect(decidePackVerdict(s, { expiryMonth: '2027-04' }, TODAY).mismatch).toEqual({ lot: false, expiry: true });
    expect(decidePackVerdict(s, { lot: 'AMX2401', expiry: '2027-03-31' }, TODAY).mismatch).toBeNull();
  });
});

describe('decideBatchVerdict', () => {
  const batch = (status: 'ACTIVE' | 'RECALLED', expiry = '2027-03-31', recallOpen?: boolean) => ({
    batch: { lot: 'AMX2401', expiry, status, manufacturedOn: null },
    recall: recallOpen === undefined ? null : { reason: 'r', recallClass: 'I' as const, since: '2026-01-01', open: recallOpen },
  });
  it('gives AUTHENTIC, RECALLED, EXPIRED, UNKNOWN and MISMATCH', () => {
    expect(decideBatchVerdict(batch('ACTIVE'), {}, TODAY).verdict).toBe('AUTHENTIC');
    expect(decideBatchVerdict(batch('RECALLED'), {}, TODAY).verdict).toBe('RECALLED');
    expect(decideBatchVerdict(batch('ACTIVE', '2027-03-31', true), {}, TODAY).verdict).toBe('RECALLED');
    expect(decideBatchVerdict(batch('ACTIVE', '2025-12-31'), {}, TODAY).verdict).toBe('EXPIRED');
    expect(decideBatchVerdict({ batch: null, recall: null }, {}, TODAY).verdict).toBe('UNKNOWN');
    expect(decideBatchVerdict(null, {}, TODAY).verdict).toBe('UNKNOWN');
    expect(decideBatchVerdict(batch('ACTIVE'), { expiry: '2027-04-30' }, TODAY).verdict).toBe('MISMATCH');
  });
});

describe('what each verdict tells a saleable-returns check (GS1 LVM)', () => {
  it('maps every verdict to the standard answer', () => {
    expect(lvmData({ verdict: 'AUTHENTIC', mismatch: null })).toEqual({ verified: true });
    expect(lvmData({ verdict: 'UNKNOWN', mismatch: null })).toEqual({ verified: false, verificationFailureReason: 'No_match_GTIN_Serial' });
    expect(lvmData({ verdict: 'MISMATCH', mismatch: { lot: true, expiry: true } }).verificationFailureReason).toBe('No_match_GTIN_Serial_Lot_Expiry');
    expect(lvmData({ verdict: 'EXPIRED', mismatch: null })).toEqual({ verified: false, verificationFailureReason: 'Not_for_re-distribution', additionalInfo: 'Expired' });
  });
});

describe('packNotes', () => {
  it('adds the facts the verdict word does not carry, and none that would repeat it', () => {
    expect(packNotes({ verdict: 'RECALLED', dispensedOn: '2026-02-01', expired: true, expiry: '2026-02-28', recall: { reason: 'Particles', since: '2026-02-10' }, mismatch: null })).toEqual([
      'Recalled on 10 February 2026: Particles',
      'It was dispensed to a patient on 1 February 2026.',
      'It also expired on 28 February 2026.',
    ]);
    expect(packNotes({ verdict: 'DISPENSED', dispensedOn: '2026-02-01', expired: false, expiry: '2027-03-31', recall: null, mismatch: null })).toEqual([]);
    expect(packNotes({ verdict: 'MISMATCH', dispensedOn: null, expired: false, expiry: null, recall: null, mismatch: { lot: true, expiry: true } })).toEqual(['What differs: the lot and the expiry date.']);
  });
});
