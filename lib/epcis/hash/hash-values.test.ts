import { describe, expect, it } from 'vitest';
import { canonicalDigitalLinkUri } from '@/lib/gs1';
import { STANDARD_PREFIXES } from '../context/prefixes';
import { canonicalDigitalLink } from './canonical-digital-link';
import { compareCodePoints, hashIri, hashText, hashVocabulary, plainDecimal } from './hash-values';

describe('plainDecimal', () => {
  it('writes numbers without trailing zeros or exponents (CBV 2.0 rule 6)', () => {
    const cases: [number, string][] = [[1, '1'], [1.0, '1'], [0.3434, '0.3434'], [200.5, '200.5'], [-0, '0'], [-12.25, '-12.25'], [1e21, '1000000000000000000000'], [1e-7, '0.0000001'], [-1.5e-7, '-0.00000015'], [123456789012345680000, '123456789012345680000']];
    for (const [value, text] of cases) expect(plainDecimal(value), String(value)).toBe(text);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point (UTF-8 byte order), also beyond U+FFFF', () => {
    expect(['b', 'a', 'B', '{x', 'ab'].sort(compareCodePoints)).toEqual(['B', 'a', 'ab', 'b', '{x']);
    // U+FF5E (one UTF-16 unit) sorts before U+1F600 (a surrogate pair); UTF-16 order would say the opposite.
    expect(['\u{1F600}', '\uFF5E'].sort(compareCodePoints)).toEqual(['\uFF5E', '\u{1F600}']);
  });
});

describe('hash value canonicalisation', () => {
  it('writes legacy CBV URNs as Web URIs and GS1 identifiers as canonical Digital Links', () => {
    expect(hashText('  urn:epcglobal:cbv:btt:po ')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(hashText('urn:epc:id:giai:4000001.111')).toBe('https://id.gs1.org/8004/4000001111');
    expect(hashText('https://example.com/253/4012345000054987')).toBe('https://id.gs1.org/253/4012345000054987');
    expect(hashText('urn:epcglobal:cbv:bt:0614141073467:1152')).toBe('urn:epcglobal:cbv:bt:0614141073467:1152');
    expect(hashText('   ')).toBeUndefined();
  });

  it('expands compact IRIs in IRI fields and vocabulary fields, not in text', () => {
    const prefixes = new Map([...STANDARD_PREFIXES, ['ex', 'https://ex.example/']]);
    expect(hashIri('ex:reader-7', prefixes)).toBe('https://ex.example/reader-7');
    expect(hashVocabulary('measurementType', 'ex:Colour', prefixes)).toBe('https://ex.example/Colour');
    expect(hashVocabulary('component', 'cbv:Comp-x', prefixes)).toBe('https://ref.gs1.org/cbv/Comp-x');
    expect(hashText('ex:reader-7')).toBe('ex:reader-7');
  });
});

describe('canonicalDigitalLink', () => {
  it("is lib/gs1's canonical Digital Link for GS1 identifiers, null for anything else", () => {
    const identifiers = [
      'urn:epc:id:sgtin:0614141.107346.2017',
      'urn:epc:id:sscc:0614141.1234567890',
      'urn:epc:id:sgln:0614141.07346.1234',
      'urn:epc:class:lgtin:4012345.012345.998877',
      'urn:epc:idpat:sgtin:4012345.098765.*',
      'urn:epc:id:grai:4012345.55555.987',
      'https://example.com/dl/01/9506000134352/10/L%2F1/21/A%2FB?17=271231',
    ];
    for (const identifier of identifiers) expect(canonicalDigitalLink(identifier), identifier).toBe(canonicalDigitalLinkUri(identifier));
    for (const other of ['urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'https://example.com/x', 'urn:epc:id:sgtin:123', 'urn:epc:id:bic:CSQU3054383']) {
      expect(canonicalDigitalLink(other), other).toBeNull();
    }
  });
});
