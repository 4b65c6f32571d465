import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSerials, parseAnyCode, withCheckDigit } from '@/lib/gs1';
import { barcodeSvg } from './barcode-svg';
import { caseLabel } from './case-label';
import { packLabel } from './pack-label';
import { csvField } from './serials-csv';
import { decodeSymbol } from './testing/decode-symbol';

const BATCH = { gtin: '04098765000119', lot: 'AMX2401', expiry: '2027-03-31', productName: 'Amoxicillin 500 mg capsules', strength: '500 mg' };
const BASE = 'https://pharmatrace.example';

/** What a DataMatrix scanner types: the symbology identifier ]d2 instead of the leading FNC1, GS between fields. */
function asScanned(decoded: string): string {
  return decoded.startsWith('\u001d') ? `]d2${decoded.slice(1)}` : decoded;
}

describe('pack labels', () => {
  it('encode in the DataMatrix exactly the pack: a scanner reading it gives GTIN, expiry, lot and serial back (decoded by ZXing)', () => {
    const label = packLabel(BATCH, '7K3M9QX2PZ4D', BASE, 'both');
    expect(label.bracketed).toBe('(01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D');
    const decoded = decodeSymbol('gs1-datamatrix', label.elementString);
    // FNC1 in first position (GS1 DataMatrix), and a separator after the variable-length lot.
    expect(decoded).toBe('\u001d01040987650001191727033110AMX2401\u001d217K3M9QX2PZ4D');
    expect(parseAnyCode(asScanned(decoded)).fields).toEqual({ gtin: BATCH.gtin, expiry: '2027-03-31', expiryRaw: '270331', lot: 'AMX2401', serial: '7K3M9QX2PZ4D' });
  });

  it('put a GS1 Digital Link on this deployment in the QR Code, which reads back as the same pack', () => {
    const label = packLabel(BATCH, '7K3M9QX2PZ4D', BASE, 'qr');
    expect(label.digitalLink).toBe('https://pharmatrace.example/01/04098765000119/10/AMX2401/21/7K3M9QX2PZ4D?17=270331');
    expect(decodeSymbol('qr', label.digitalLink)).toBe(label.digitalLink);
    expect(label.dataMatrixSvg).toBeNull();
    expect(label.qrSvg).toMatch(/^<svg role="img"/);
  });

  it('round-trip any serial and lot of GS1 character set 82, including characters that need escaping in a Digital Link', () => {
    const cset82 = fc.constantFrom(...'ABCXYZ0189abz!"%&\'()*+,-./:;<=>?_'.split(''));
    fc.assert(
      fc.property(fc.array(cset82, { minLength: 1, maxLength: 20 }), fc.array(cset82, { minLength: 1, maxLength: 20 }), (serialChars, lotChars) => {
        const serial = serialChars.join('');
        const lot = lotChars.join('');
        const label = packLabel({ ...BATCH, lot }, serial, BASE, 'datamatrix');
        const fromMatrix = parseAnyCode(asScanned(decodeSymbol('gs1-datamatrix', label.elementString))).fields;
        const fromLink = parseAnyCode(label.digitalLink).fields;
        expect([fromMatrix.serial, fromMatrix.lot]).toEqual([serial, lot]);
        expect([fromLink.serial, fromLink.lot, fromLink.expiry]).toEqual([serial, lot, BATCH.expiry]);
      }),
      { numRuns: 40 },
    );
  });

  it('print the human-readable lines EU FMD asks for beside the code', () => {
    const [serial] = generateSerials(1);
    expect(packLabel(BATCH, serial!, BASE, 'datamatrix').lines).toEqual([
      { label: 'PC', value: BATCH.gtin },
      { label: 'SN', value: serial },
      { label: 'Lot', value: 'AMX2401' },
      { label: 'Exp', value: '270331' },
    ]);
  });
});

describe('case labels', () => {
  it('carry the SSCC as GS1-128 and GS1 DataMatrix, and refuse an SSCC with a wrong check digit', () => {
    const sscc = withCheckDigit('34098765000000001');
    const label = caseLabel(sscc, BASE);
    expect(label.bracketed).toBe(`(00)${sscc}`);
    expect(parseAnyCode(asScanned(decodeSymbol('gs1-datamatrix', label.elementString))).fields).toEqual({ sscc });
    expect(label.gs1128Svg).toMatch(/^<svg role="img"/);
    const wrong = `${sscc.slice(0, 17)}${(Number(sscc[17]) + 1) % 10}`;
    expect(() => caseLabel(wrong, BASE)).toThrow(expect.objectContaining({ code: 'gs1_check_digit' }));
  });
});

describe('barcode SVG', () => {
  it('is only svg and path elements, without style attributes, so it can be inlined under the CSP', () => {
    for (const svg of [barcodeSvg('gs1-datamatrix', '0104098765000119\u001d21A'), barcodeSvg('qr', 'https://x.example/01/04098765000119'), barcodeSvg('gs1-128', `00${withCheckDigit('34098765000000001')}`)]) {
      expect(svg).toMatch(/^<svg role="img" aria-hidden="true" focusable="false" viewBox="0 0 \d+ \d+"/);
      expect(svg.match(/<\/?([a-z]+)/g)?.every((tag) => /^<\/?(svg|path)$/.test(tag))).toBe(true);
      expect(svg).not.toMatch(/style=|<script|on\w+=/i);
    }
  });

  it('refuses text that is not an element string as lib/gs1 writes it, rather than print a code scanners misread', () => {
    expect(() => barcodeSvg('gs1-datamatrix', '\u001d0104098765000119')).toThrow(/element string/);
    expect(() => barcodeSvg('gs1-datamatrix', '0104098765000119^21A')).toThrow(/element string/);
  });
});

describe('CSV fields', () => {
  it('quote separators and quotes, and defuse spreadsheet formulas', () => {
    expect(csvField('AB12')).toBe('AB12');
    expect(csvField('A,B')).toBe('"A,B"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('+A"')).toBe('"\'+A"""');
  });
});
