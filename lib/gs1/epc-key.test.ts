import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { canonicalDigitalLinkUri } from './canonical-digital-link-uri';
import { epcKey, epcKeyFromIdentifier } from './epc-key';
import { parseEpcKey, toCanonicalDigitalLinkUri } from './parse-epc-key';
import { toEpcUrn } from './to-epc-urn';
import type { TGs1Fields } from './types';

const GTIN = '09506000134352';

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('epcKey', () => {
  it.each<[TGs1Fields, string, string]>([
    [{ gtin: GTIN, serial: 'XYZ', lot: 'ABC', expiryRaw: '271231' }, `01/${GTIN}/21/XYZ`, 'a pack: the serial, not the lot or expiry'],
    [{ gtin: GTIN, lot: 'ABC', expiry: '2027-12-31' }, `01/${GTIN}/10/ABC`, 'a batch'],
    [{ gtin: '9506000134352' }, `01/${GTIN}`, 'a product, GTIN-13 padded'],
    [{ sscc: '106141412345678908' }, '00/106141412345678908', 'a case'],
    [{ gln: '0614141000012' }, '414/0614141000012', 'a place'],
    [{ gln: '0614141000012', glnExtension: 'B/1' }, '414/0614141000012/254/B%2F1', 'a sub-location, "/" encoded'],
    [{ attributes: { '8004': '4000001111' } }, '8004/4000001111', 'a GIAI'],
  ])('%o is %s (%s)', (fields, key) => {
    expect(epcKey(fields)).toBe(key);
    expect(epcKey(parseEpcKey(key))).toBe(key);
  });

  it('is the same whatever form the identifier came in', () => {
    const forms = [
      'urn:epc:id:sgtin:9506000.013435.A%2FB',
      'urn:epc:id:sgtin:950600013.0435.A%2FB',
      `https://example.org/01/${GTIN}/10/L1/21/A%2FB?17=271231`,
      `https://id.gs1.org/01/${GTIN}/21/A%2fB`,
      `http://example.org/some/prefix/01/9506000134352/21/A%2FB`,
    ];
    for (const form of forms) expect(epcKeyFromIdentifier(form), form).toBe(`01/${GTIN}/21/A%2FB`);
  });

  it('cannot be confused by a "/" in a serial', () => {
    const a = epcKey({ gtin: GTIN, serial: 'A/21/B' });
    const b = epcKey({ gtin: GTIN, serial: 'A' });
    expect(a).toBe(`01/${GTIN}/21/A%2F21%2FB`);
    expect(a).not.toBe(b);
    expect(parseEpcKey(a).fields.serial).toBe('A/21/B');
  });

  it('refuses fields that name no identifier, or two', () => {
    expect(caught(() => epcKey({ lot: 'ABC' })).code).toBe('gs1_missing_ai');
    expect(caught(() => epcKey({})).code).toBe('gs1_empty_input');
    expect(caught(() => epcKey({ gtin: GTIN, sscc: '106141412345678908' })).code).toBe('gs1_ambiguous_key');
    expect(caught(() => epcKey({ kind: 'sgtin', fields: { gtin: GTIN } })).code).toBe('gs1_missing_ai');
  });
});

describe('parseEpcKey', () => {
  it('returns kind and fields', () => {
    expect(parseEpcKey(`01/${GTIN}/21/XYZ`)).toEqual({ kind: 'sgtin', fields: { gtin: GTIN, serial: 'XYZ' } });
    expect(parseEpcKey(`01/${GTIN}/10/ABC`)).toEqual({ kind: 'lgtin', fields: { gtin: GTIN, lot: 'ABC' } });
    expect(parseEpcKey(`01/${GTIN}`)).toEqual({ kind: 'gtin-class', fields: { gtin: GTIN } });
    expect(parseEpcKey('414/0614141000012/254/2')).toEqual({ kind: 'sgln', fields: { gln: '0614141000012', glnExtension: '2' } });
  });

  it.each([
    [`01/${GTIN}/10/ABC/21/XYZ`, 'a lot next to a serial is not the finest level'],
    [`01/${GTIN}/21/a%2fb`, 'lower-case percent-encoding'],
    [`01/${GTIN}/21/A%21`.replace('%21', '!'), 'an unencoded "!"'],
    [`21/XYZ/01/${GTIN}`, 'wrong order'],
    [`01/${GTIN}/`, 'a trailing slash'],
    ['', 'nothing'],
    [`https://id.gs1.org/01/${GTIN}`, 'a URI instead of a key'],
    [`01/${GTIN}/21/A%2`, 'broken percent-encoding'],
  ])('refuses %s (%s)', (key) => {
    expect(['gs1_invalid_epc_key', 'gs1_unknown_ai'].includes(caught(() => parseEpcKey(key)).code), key).toBe(true);
  });
});

describe('canonical Digital Link URIs (CBV 2.0 §8.9)', () => {
  it('replace the host, drop the query and keep the finest level', () => {
    expect(canonicalDigitalLinkUri(`https://brand.example.com/01/${GTIN}/10/L1/21/S1?17=271231&linkType=all`)).toBe(`https://id.gs1.org/01/${GTIN}/21/S1`);
    expect(canonicalDigitalLinkUri('urn:epc:id:sgln:0614141.07346.1234')).toBe('https://id.gs1.org/414/0614141073467/254/1234');
    expect(toCanonicalDigitalLinkUri(`01/${GTIN}`)).toBe(`https://id.gs1.org/01/${GTIN}`);
  });

  it('round-trip through EPC URNs for every kind of GS1 key', () => {
    const keys = [
      '01/04012345111118/21/987',
      '01/04012345111118/10/L%2F1',
      '01/04012345111118',
      '01/04012345111118/235/TPX1',
      '00/106141412345678908',
      '414/0614141123452/254/400',
      '417/0614141123452',
      '8003/00614141123452400',
      '8003/00614141123452',
      '8004/061414112345400',
      '8017/061414112345678902',
      '8018/061414112345678902',
      '253/0614141123452400',
      '253/0614141123452',
      '255/401234567890104711',
      '401/0614141xyz3311cba',
      '402/06141411234567890',
      '8006/040123451234560102/21/987',
      '8010/0614141123ABC%2F/8011/123456789',
    ];
    for (const key of keys) {
      const urn = toEpcUrn(key, 7);
      expect(epcKeyFromIdentifier(urn), `${key} -> ${urn}`).toBe(key);
    }
  });

  it('refuses what is neither a URN nor a Digital Link', () => {
    expect(caught(() => epcKeyFromIdentifier('(01)09506000134352')).code).toBe('gs1_unrecognised');
    expect(caught(() => epcKeyFromIdentifier('  ')).code).toBe('gs1_empty_input');
    expect(caught(() => epcKeyFromIdentifier('urn:epc:id:gid:95100000.12345.400')).code).toBe('gs1_invalid_urn');
  });
});
