import { describe, expect, it } from 'vitest';
import type { TInspection } from './inspect-scan';
import { judgeScan } from './judge-scan';

const where = { heldByYou: false, inTransitToYou: false, inTransit: false, container: null };
const pack = (over: Partial<Extract<TInspection, { kind: 'pack' }>> = {}): TInspection => ({
  kind: 'pack', code: 'c', key: '01/04098765000119/21/AB', gtin: '04098765000119', serial: 'AB', productName: 'Amoxicillin', strength: '500 mg', lot: 'L1', expiry: '2030-01-31',
  status: 'ACTIVE', batchRecalled: false, expired: false, mismatch: null, ...where, ...over,
});
const box = (over: Partial<Extract<TInspection, { kind: 'case' }>> = {}): TInspection => ({ kind: 'case', code: 'c', key: '00/340987650000000011', sscc: '340987650000000011', status: 'ACTIVE', packCount: 24, caseCount: 0, ...where, ...over });

describe('a scan at the receiving station', () => {
  it('takes what is on a shipment to the organisation, and asks for the case label when a pack of a travelling case is scanned', () => {
    expect(judgeScan('receive', box({ inTransitToYou: true }))).toMatchObject({ accept: true, word: 'EXPECTED', label: 'Case 340987650000000011 (24 packs)' });
    expect(judgeScan('receive', pack({ inTransitToYou: true, container: '340987650000000011' }))).toMatchObject({ accept: false, word: 'SCAN THE CASE' });
  });

  it('refuses, with what to do, what was not shipped to it, what it already holds, and unknown codes', () => {
    expect(judgeScan('receive', box({ inTransit: true }))).toMatchObject({ accept: false, tone: 'danger', word: 'NOT FOR YOU' });
    expect(judgeScan('receive', pack({ heldByYou: true }))).toMatchObject({ accept: false, tone: 'caution', word: 'ALREADY RECEIVED' });
    expect(judgeScan('receive', { kind: 'unknown', code: 'c', key: '00/340987650000000011', what: 'case' })).toMatchObject({ accept: false, tone: 'danger', message: expect.stringContaining('Set it aside') });
  });

  it('raises a falsification warning for a label whose lot is not the batch of its serial, in every mode', () => {
    for (const mode of ['receive', 'put-away', 'ship', 'return'] as const) expect(judgeScan(mode, pack({ heldByYou: true, inTransitToYou: true, mismatch: 'lot' }))).toMatchObject({ accept: false, tone: 'danger', word: 'LABEL MISMATCH' });
  });

  it('takes a recalled pack back in (to quarantine) but does not ship it on; returning it is allowed', () => {
    expect(judgeScan('receive', pack({ inTransitToYou: true, batchRecalled: true }))).toMatchObject({ accept: true, tone: 'caution' });
    expect(judgeScan('ship', pack({ heldByYou: true, batchRecalled: true }))).toMatchObject({ accept: false, word: 'RECALLED' });
    expect(judgeScan('return', pack({ heldByYou: true, batchRecalled: true }))).toMatchObject({ accept: true });
  });

  it('ships what is held, noting a pack that leaves its case, and refuses what is already shipped or not received yet', () => {
    expect(judgeScan('ship', pack({ heldByYou: true, container: '340987650000000011' }))).toMatchObject({ accept: true, message: expect.stringContaining('taken out of the case') });
    expect(judgeScan('ship', box({ heldByYou: true, inTransit: true }))).toMatchObject({ accept: false, word: 'ALREADY SHIPPED' });
    expect(judgeScan('put-away', box({ inTransitToYou: true }))).toMatchObject({ accept: false, word: 'NOT RECEIVED YET' });
    expect(judgeScan('put-away', box({ heldByYou: true }))).toMatchObject({ accept: true });
  });

  it('never takes a pack that left the supply chain', () => {
    expect(judgeScan('receive', pack({ inTransitToYou: true, status: 'DISPENSED' }))).toMatchObject({ accept: false, tone: 'danger', word: 'OUT OF THE CHAIN' });
  });
});
