import { describe, expect, it } from 'vitest';
import { toDigitalLink, toElementString, withCheckDigit } from '@/lib/gs1';
import { readScan } from './read-scan';

const PACK = { gtin: '04098765000119', expiry: '2027-03-31', lot: 'AMX2401', serial: '7K3M9QX2PZ4D' };
const KEY = '01/04098765000119/21/7K3M9QX2PZ4D';

describe('a scan at a station', () => {
  it('reads a pack in every form a scanner or a person sends it to the same key, with its lot and expiry', () => {
    const forms = [
      toElementString(PACK, { symbologyIdentifier: true }),
      '(01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D',
      toDigitalLink(PACK, 'https://example.org'),
      'urn:epc:id:sgtin:4098765.000011.7K3M9QX2PZ4D',
    ];
    for (const form of forms) expect(readScan(`${form}\n`)).toMatchObject({ ok: true, kind: 'pack', key: KEY });
    expect(readScan(forms[0]!)).toMatchObject({ lot: 'AMX2401', expiry: '2027-03-31' });
  });

  it('turns the scanner’s separator substitute back into GS, so the lot does not swallow the serial', () => {
    const scanned = ']d201040987650001191727033110AMX2401|217K3M9QX2PZ4D';
    const read = readScan(scanned, '|');
    expect(read).toMatchObject({ ok: true, key: KEY, lot: 'AMX2401', code: ']d201040987650001191727033110AMX2401\u001d217K3M9QX2PZ4D' });
    const unconfigured = readScan(scanned);
    expect(unconfigured.ok).toBe(false);
  });

  it('reads a case label (SSCC) as a case', () => {
    const sscc = withCheckDigit('34098765000000001');
    expect(readScan(`]C100${sscc}`)).toEqual({ ok: true, kind: 'case', key: `00/${sscc}`, code: `]C100${sscc}`, sscc });
  });

  it('says what to scan instead of a batch or product code, and why a broken code was not read', () => {
    expect(readScan('(01)04098765000119(10)AMX2401')).toMatchObject({ ok: false, message: expect.stringContaining('serial number') });
    expect(readScan('04098765000119')).toMatchObject({ ok: false, message: expect.stringContaining('serial number') });
    expect(readScan('(01)04098765000118(21)X')).toMatchObject({ ok: false, message: expect.stringMatching(/^Could not read the code: .*check digit/i) });
    expect(readScan('(414)4098765000010')).toMatchObject({ ok: false, message: expect.stringContaining('not the code of a pack or a case') });
  });
});
