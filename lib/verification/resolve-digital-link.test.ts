import { describe, expect, it } from 'vitest';
import { readVerifyInput } from './read-verify-input';
import { digitalLinkOf, lvmLocation } from './resolve-digital-link';

/*
 * GS1 Digital Link resolution on the platform's own host: the segments the
 * router hands over (decoded) become the Digital Link lib/gs1 reads, and a
 * verification request is routed to the LVM service.
 */
const GTIN = '04098765000119';

describe('digitalLinkOf', () => {
  it('rebuilds every short form with the expiry from ?17=', () => {
    expect(digitalLinkOf(GTIN, [], {})).toBe(`https://id.gs1.org/01/${GTIN}`);
    expect(digitalLinkOf(GTIN, ['10', 'AMX2401'], {})).toBe(`https://id.gs1.org/01/${GTIN}/10/AMX2401`);
    expect(digitalLinkOf(GTIN, ['21', 'X1'], { '17': '270331', linkType: 'gs1:pip' })).toBe(`https://id.gs1.org/01/${GTIN}/21/X1?17=270331`);
    const target = readVerifyInput({ code: digitalLinkOf(GTIN, ['10', 'AMX2401', '21', 'X1'], { '17': '270331' }) }, { today: new Date('2026-01-01') });
    expect(target).toMatchObject({ kind: 'pack', serial: 'X1', scanned: { lot: 'AMX2401', expiry: '2027-03-31' } });
  });

  it('writes decoded values back in GS1 percent-encoding, so a serial with "/" stays one serial', () => {
    const link = digitalLinkOf(GTIN, ['21', 'A/21/B'], {});
    expect(link).toBe(`https://id.gs1.org/01/${GTIN}/21/A%2F21%2FB`);
    expect(readVerifyInput({ code: link })).toMatchObject({ kind: 'pack', serial: 'A/21/B', key: `01/${GTIN}/21/A%2F21%2FB` });
  });
});

describe('lvmLocation', () => {
  it('sends a verification request on the full pack link to the LVM service, query kept', () => {
    expect(lvmLocation(GTIN, ['10', 'L1', '21', 'S1'], { '17': '270331', linkType: 'gs1:verificationService', corrUUID: 'u' })).toBe(
      `/api/v1/lvm/01/${GTIN}/10/L1/21/S1?17=270331&linkType=gs1%3AverificationService&corrUUID=u`,
    );
  });

  it('leaves everything else to the public page', () => {
    expect(lvmLocation(GTIN, ['10', 'L1', '21', 'S1'], { '17': '270331' })).toBeNull();
    expect(lvmLocation(GTIN, ['21', 'S1'], { linkType: 'gs1:verificationService' })).toBeNull();
    expect(lvmLocation(GTIN, ['10', 'L1', '21', 'S1'], { linkType: 'gs1:pip' })).toBeNull();
  });

  it('does not redirect a GTIN, lot or serial that a URL path would normalise away ("." and "..")', () => {
    const lvm = { linkType: 'gs1:verificationService' };
    expect(lvmLocation('.', ['10', 'L1', '21', 'S1'], lvm)).toBeNull();
    expect(lvmLocation(GTIN, ['10', '..', '21', 'S1'], lvm)).toBeNull();
    expect(lvmLocation(GTIN, ['10', 'L1', '21', '.'], lvm)).toBeNull();
    const dotted = lvmLocation(GTIN, ['10', '.L', '21', '...'], lvm)!;
    expect(new URL(dotted, 'https://x.test').pathname).toBe(`/api/v1/lvm/01/${GTIN}/10/.L/21/...`);
  });
});
