import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { canonicalDigitalLinkUri } from './canonical-digital-link-uri';
import { parseEpcUrn } from './parse-epc-urn';
import { toGtinPatternUrn, toLgtinUrn, toSglnUrn, toSgtinUrn, toSsccUrn } from './to-epc-urn';

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseEpcUrn', () => {
  it('reads the EPCIS example SGTIN and finds the company prefix length from the dots', () => {
    expect(parseEpcUrn('urn:epc:id:sgtin:0614141.107346.2017')).toEqual({
      kind: 'sgtin',
      fields: { gtin: '10614141073464', serial: '2017' },
      companyPrefixLength: 7,
    });
  });

  // Conversions published with GS1's EPC/Digital Link translators and the
  // EPC Tag Data Standard examples.
  it.each([
    ['urn:epc:id:sgtin:4012345.098765.12345', 'https://id.gs1.org/01/04012345987652/21/12345'],
    ['urn:epc:id:sgtin:4012345.011111.987', 'https://id.gs1.org/01/04012345111118/21/987'],
    ['urn:epc:id:sscc:0614141.1234567890', 'https://id.gs1.org/00/106141412345678908'],
    ['urn:epc:id:sgln:0614141.12345.400', 'https://id.gs1.org/414/0614141123452/254/400'],
    ['urn:epc:id:sgln:0614141.12345.0', 'https://id.gs1.org/414/0614141123452'],
    ['urn:epc:id:pgln:0614141.12345', 'https://id.gs1.org/417/0614141123452'],
    ['urn:epc:id:grai:0614141.12345.400', 'https://id.gs1.org/8003/00614141123452400'],
    ['urn:epc:id:giai:0614141.12345400', 'https://id.gs1.org/8004/061414112345400'],
    ['urn:epc:id:gdti:0614141.12345.400', 'https://id.gs1.org/253/0614141123452400'],
    ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
    ['urn:epc:idpat:sgtin:4012345.098765.*', 'https://id.gs1.org/01/04012345987652'],
  ])('%s is %s', (urn, link) => {
    expect(canonicalDigitalLinkUri(urn)).toBe(link);
  });

  it('unescapes serials as the Tag Data Standard writes them', () => {
    expect(parseEpcUrn('urn:epc:id:sgtin:4012345.011111.A%2FB%22%25%26%3C%3E%3F').fields.serial).toBe('A/B"%&<>?');
    expect(parseEpcUrn("urn:epc:id:sgtin:4012345.011111.a!'()*+,-.:;=_z").fields.serial).toBe("a!'()*+,-.:;=_z");
    expect(parseEpcUrn('urn:epc:id:sgtin:4012345.011111.a%2fb').fields.serial).toBe('a/b');
  });

  it('writes serials back with exactly the escapes the standard requires', () => {
    expect(toSgtinUrn('04012345111118', 'A/B"%&<>?', 7)).toBe('urn:epc:id:sgtin:4012345.011111.A%2FB%22%25%26%3C%3E%3F');
    expect(toSgtinUrn('04012345111118', "a!'()*+,-.:;=_z", 7)).toBe("urn:epc:id:sgtin:4012345.011111.a!'()*+,-.:;=_z");
  });

  it('writes every kind the platform tracks, for a given company prefix length', () => {
    expect(toSgtinUrn('10614141073464', '2017', 7)).toBe('urn:epc:id:sgtin:0614141.107346.2017');
    expect(toSgtinUrn('10614141073464', '2017', 12)).toBe('urn:epc:id:sgtin:061414107346.1.2017');
    expect(toSgtinUrn('10614141073464', '2017', 6)).toBe('urn:epc:id:sgtin:061414.1107346.2017');
    expect(toLgtinUrn('04012345123456', '998877', 7)).toBe('urn:epc:class:lgtin:4012345.012345.998877');
    expect(toGtinPatternUrn('04012345987652', 7)).toBe('urn:epc:idpat:sgtin:4012345.098765.*');
    expect(toSsccUrn('106141412345678908', 7)).toBe('urn:epc:id:sscc:0614141.1234567890');
    expect(toSglnUrn('0614141123452', '400', 7)).toBe('urn:epc:id:sgln:0614141.12345.400');
    expect(toSglnUrn('0614141123452', undefined, 7)).toBe('urn:epc:id:sgln:0614141.12345.0');
    expect(toSglnUrn('061414112345' + '2', undefined, 12)).toBe('urn:epc:id:sgln:061414112345..0');
  });

  it.each([
    ['urn:epc:id:sgtin:0614141.10734.2017', 'gs1_invalid_urn', '13 digits together'],
    ['urn:epc:id:sgtin:06141.1073461.2017', 'gs1_invalid_urn', '6 to 12 digits'],
    ['urn:epc:id:sgtin:0614141.107346', 'gs1_invalid_urn', '3 dot-separated parts'],
    ['urn:epc:id:sgtin:0614141.107346.', 'gs1_invalid_urn', 'empty part'],
    ['urn:epc:id:sgtin:0614141.107346.A%41', 'gs1_invalid_urn', '%41'],
    ['urn:epc:id:sgtin:0614141.107346.A/B', 'gs1_invalid_urn', 'unescaped'],
    ['urn:epc:id:sgtin:0614141.107346.A#B', 'gs1_invalid_urn', '"#"'],
    ['urn:epc:id:sgtin:0614141.107346.ABCDEFGHIJKLMNOPQRSTU', 'gs1_field_too_long', 'AI (21)'],
    ['urn:epc:id:gid:95100000.12345.400', 'gs1_invalid_urn', 'not a GS1 key'],
    ['urn:epc:id:foo:0614141.1', 'gs1_invalid_urn', 'no such scheme'],
    ['urn:epc:tag:sgtin-96:3.0614141.107346.2017', 'gs1_invalid_urn', 'not an EPC URN type'],
    ['urn:epc:idpat:sgtin:0614141.*.*', 'gs1_invalid_urn', 'final "*"'],
    ['urn:epc:idpat:sgtin:0614141.107346.2017', 'gs1_invalid_urn', 'final "*"'],
    ['urn:isbn:0451450523', 'gs1_invalid_urn', 'not an EPC URN'],
    ['', 'gs1_empty_input', 'empty'],
  ])('%s fails with %s', (urn, code, words) => {
    const error = caught(() => parseEpcUrn(urn));
    expect(error.code).toBe(code);
    expect(error.detail).toContain(words);
  });

  it('refuses impossible company prefix lengths when writing, and an SGLN extension "0"', () => {
    expect(caught(() => toSgtinUrn('10614141073464', '1', 5)).code).toBe('gs1_invalid_company_prefix_length');
    expect(caught(() => toSgtinUrn('10614141073464', '1', 13)).code).toBe('gs1_invalid_company_prefix_length');
    expect(caught(() => toSgtinUrn('10614141073464', '1', 7.5)).code).toBe('gs1_invalid_company_prefix_length');
    expect(caught(() => toSglnUrn('0614141123452', '0', 7)).code).toBe('gs1_invalid_urn');
    expect(caught(() => toSgtinUrn('10614141073465', '1', 7)).code).toBe('gs1_check_digit');
  });
});
