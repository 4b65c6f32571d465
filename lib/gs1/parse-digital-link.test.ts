import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseDigitalLink } from './parse-digital-link';
import { toDigitalLink } from './to-digital-link';

const today = new Date('2026-05-01T12:00:00Z');
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

describe('parseDigitalLink', () => {
  it('reads the GS1 Digital Link documentation examples', () => {
    expect(parseDigitalLink(`https://id.gs1.org/01/${GTIN}`)).toEqual({ gtin: GTIN });
    expect(parseDigitalLink(`https://example.com/01/${GTIN}/10/ABC123/21/12345?17=271231`, { today })).toEqual({
      gtin: GTIN,
      lot: 'ABC123',
      serial: '12345',
      expiryRaw: '271231',
      expiry: '2027-12-31',
    });
    expect(parseDigitalLink('https://id.gs1.org/00/106141412345678908')).toEqual({ sscc: '106141412345678908' });
    expect(parseDigitalLink('https://id.gs1.org/414/9506000134307/254/12')).toEqual({ gln: '9506000134307', glnExtension: '12' });
  });

  it('reads the short names of Digital Link 1.1 (/gtin/, /lot/, /ser/, ...)', () => {
    expect(parseDigitalLink(`https://example.org/gtin/${GTIN}/lot/ABC/ser/XYZ`)).toEqual({ gtin: GTIN, lot: 'ABC', serial: 'XYZ' });
    expect(parseDigitalLink('https://example.org/sscc/106141412345678908')).toEqual({ sscc: '106141412345678908' });
    expect(parseDigitalLink('https://example.org/gln/0614141000012/glnx/2')).toEqual({ gln: '0614141000012', glnExtension: '2' });
    expect(caught(() => parseDigitalLink(`https://example.org/constructor/${GTIN}`)).code).toBe('gs1_invalid_digital_link');
  });

  it('pads GTIN-8, -12 and -13 to 14 digits', () => {
    expect(parseDigitalLink('https://example.org/01/9506000134352').gtin).toBe(GTIN);
    expect(parseDigitalLink('https://example.org/01/614141123452').gtin).toBe('00614141123452');
    expect(parseDigitalLink('https://example.org/01/96385074').gtin).toBe('00000096385074');
  });

  it('accepts any host, http, a port, a path prefix, a fragment and non-GS1 query parameters', () => {
    const fields = { gtin: GTIN, serial: 'A/B' };
    expect(parseDigitalLink(`http://resolver.example.co.uk:8080/dl/v1/01/${GTIN}/21/A%2FB#top`)).toEqual(fields);
    expect(parseDigitalLink(`HTTPS://EXAMPLE.ORG/01/${GTIN}/21/A%2fB?linkType=gs1:pip&context=x`)).toEqual(fields);
  });

  it('percent-decodes values and refuses what is not GS1 data', () => {
    expect(parseDigitalLink(`https://e.org/01/${GTIN}/10/%21%22%25%26`).lot).toBe('!"%&');
    expect(caught(() => parseDigitalLink(`https://e.org/01/${GTIN}/10/%C3%A9`)).code).toBe('gs1_invalid_character');
    expect(caught(() => parseDigitalLink(`https://e.org/01/${GTIN}/10/A%20B`)).code).toBe('gs1_invalid_character');
    expect(caught(() => parseDigitalLink(`https://e.org/01/${GTIN}/10/A%2`)).code).toBe('gs1_invalid_digital_link');
    expect(caught(() => parseDigitalLink(`https://e.org/01/${GTIN}/10/A%G1`)).code).toBe('gs1_invalid_digital_link');
  });

  it.each([
    ['ftp://e.org/01/09506000134352', 'gs1_invalid_digital_link', 'https://'],
    ['https://user@e.org/01/09506000134352', 'gs1_invalid_digital_link', '"@"'],
    ['https:///01/09506000134352', 'gs1_invalid_digital_link', 'host'],
    ['https://e.org', 'gs1_invalid_digital_link', 'no path'],
    ['https://e.org/products/42', 'gs1_invalid_digital_link', 'no GS1 key'],
    ['https://e.org/01/09506000134352/', 'gs1_invalid_digital_link', 'ends with "/"'],
    ['https://e.org/01//09506000134352', 'gs1_invalid_digital_link', '"//"'],
    ['https://e.org/01/09506000134352/21', 'gs1_invalid_digital_link', 'no value for AI (21)'],
    ['https://e.org/01', 'gs1_invalid_digital_link', 'no value for AI (01)'],
    ['https://e.org/01/09506000134352/21/X/10/L', 'gs1_invalid_digital_link', 'out of order'],
    ['https://e.org/01/09506000134352/254/X', 'gs1_invalid_digital_link', 'cannot qualify (01)'],
    ['https://e.org/01/09506000134352?10=L', 'gs1_invalid_digital_link', 'belongs in the path'],
    ['https://e.org/01/09506000134352?00=106141412345678908', 'gs1_invalid_digital_link', 'one GS1 key'],
    ['https://e.org/01/09506000134352?5555=1', 'gs1_unknown_ai', '(5555)'],
    ['https://e.org/01/09506000134353', 'gs1_check_digit', 'right check digit is 2'],
    ['https://e.org/01/09506000134', 'gs1_field_too_short', 'has 11 characters'],
    ['https://e.org/01/0950600013435', 'gs1_check_digit', 'Digital Link 0950600013435 has check digit 5'],
    ['https://e.org/01/09506000134352?17=271232', 'gs1_invalid_date', 'day 32'],
    ['https://e.org/01/09506000134352/21/X?17=271231&17=281231', 'gs1_duplicate_ai', '(17)'],
  ])('%s fails with %s', (uri, code, words) => {
    const error = caught(() => parseDigitalLink(uri, { today }));
    expect(error.code).toBe(code);
    expect(error.detail).toContain(words);
  });
});

describe('toDigitalLink', () => {
  it('writes key and qualifiers in the path in standard order, other AIs in the query', () => {
    const fields = { serial: 'X Y'.replace(' ', '/'), lot: 'L1', gtin: GTIN, expiryRaw: '271200', attributes: { '710': 'PZN123' } };
    expect(toDigitalLink(fields, 'https://example.org/', { today })).toBe(`https://example.org/01/${GTIN}/10/L1/21/X%2FY?17=271200&710=PZN123`);
    expect(toDigitalLink({ sscc: '106141412345678908' }, 'https://example.org/dl')).toBe('https://example.org/dl/00/106141412345678908');
  });

  it('refuses fields without one key and base URLs with a query', () => {
    expect(caught(() => toDigitalLink({ gtin: GTIN, sscc: '106141412345678908' }, 'https://e.org')).code).toBe('gs1_ambiguous_key');
    expect(caught(() => toDigitalLink({ attributes: { '710': 'X' } }, 'https://e.org')).code).toBe('gs1_missing_ai');
    expect(caught(() => toDigitalLink({ gtin: GTIN }, 'https://e.org/?a=1')).code).toBe('gs1_invalid_digital_link');
    expect(caught(() => toDigitalLink({ gtin: GTIN }, 'example.org')).code).toBe('gs1_invalid_digital_link');
  });
});
