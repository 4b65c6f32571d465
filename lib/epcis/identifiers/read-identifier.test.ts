import { describe, expect, it } from 'vitest';
import { isDigitalLink, readIdentifier } from './read-identifier';

describe('readIdentifier', () => {
  it('gives one canonical key for every spelling of a GS1 identifier', () => {
    const spellings = [
      'urn:epc:id:sgtin:9506000.013435.SN12345',
      'urn:epc:id:sgtin:950600.0013435.SN12345',
      'https://id.gs1.org/01/09506000134352/21/SN12345',
      'https://pharma.example/dl/01/9506000134352/10/LOT42/21/SN12345?17=271231&linkType=gs1:pip',
      'http://id.gs1.org/01/09506000134352/21/SN12345#top',
    ];
    for (const spelling of spellings) expect(readIdentifier(spelling), spelling).toEqual({ ok: true, key: '01/09506000134352/21/SN12345', gs1: true });
  });

  it('keeps identifiers that are not GS1 keys exactly as sent', () => {
    for (const uri of ['urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'geo:47.506694,11.104301', 'https://example.com/2024/01/05/report', 'urn:epc:id:bic:CSQU3054383', 'https://erp.example/assets/01/7']) {
      expect(readIdentifier(uri), uri).toEqual({ ok: true, key: uri, gs1: false });
    }
  });

  it('refuses malformed EPC URIs and Digital Links, saying why', () => {
    expect(readIdentifier('urn:epc:id:sgtin:123')).toEqual({ ok: false, reason: expect.stringMatching(/^'urn:epc:id:sgtin:123' is not a valid EPC URI: .+/) });
    expect(readIdentifier('https://id.gs1.org/01/09506000134353/21/1')).toEqual({ ok: false, reason: expect.stringMatching(/is not a valid GS1 Digital Link URI: .*check digit/) });
    expect(readIdentifier('urn:epc:id:sscc:9506000.123')).toMatchObject({ ok: false });
    expect(readIdentifier('urn:epc:foo')).toMatchObject({ ok: false, reason: expect.stringContaining('Tag Data Standard') });
    expect(readIdentifier('not a uri')).toEqual({ ok: false, reason: "'not a uri' is not an absolute URI" });
  });
});

describe('isDigitalLink', () => {
  it('recognises a GS1 key in the path, not a date or an unrelated number', () => {
    expect(isDigitalLink('https://example.org/8004/401234599999')).toBe(true);
    expect(isDigitalLink('https://example.org/00/106141412345678908')).toBe(true);
    expect(isDigitalLink('https://example.com/2024/01/05')).toBe(false);
    expect(isDigitalLink('https://example.com/01/123')).toBe(false);
    expect(isDigitalLink('urn:epc:id:sgtin:9506000.013435.1')).toBe(false);
  });
});
