import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactIriPrefix, isAbsoluteUri } from './uri';

// GS1's schema checks URIs with ajv-formats "uri": everything we accept must pass it, or a stored
// event would fail GS1 validation on export.
const ajv = new Ajv();
addFormats(ajv);
const ajvUri = ajv.compile({ type: 'string', format: 'uri' });

describe('isAbsoluteUri', () => {
  it('accepts the identifiers EPCIS events use', () => {
    for (const uri of [
      'urn:epc:id:sgtin:0614141.107346.2017',
      'https://id.gs1.org/01/09506000134352/21/A%2FB?17=271231#x',
      'http://transaction.acme.com/po/12345678',
      'ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0',
      'geo:47.506694,11.104301',
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      'example:myField',
    ]) {
      expect(isAbsoluteUri(uri), uri).toBe(true);
      expect(ajvUri(uri), uri).toBe(true);
    }
  });

  it('refuses relative references, spaces, broken escapes and non-ASCII', () => {
    for (const bad of ['', 'shipping', '/01/09506000134352', 'urn:epc id', 'https://example.com/a b', 'https://example.com/%zz', 'https://example.com/é', '1abc:x', 'a:b\n', ':x', 'urn:', 'https://[::1]/']) {
      expect(isAbsoluteUri(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('never accepts what ajv-formats refuses', () => {
    const chars = fc.constantFrom(...'aZ09:/?#[]@!$&\'()*+,;=%-._~ "<>\\^`{|}é'.split(''));
    const candidate = fc.tuple(fc.constantFrom('urn:', 'https://', 'a:', 'ni:///', 'x+y.z-1:', ''), fc.array(chars, { maxLength: 30 })).map(([head, tail]) => head + tail.join(''));
    fc.assert(fc.property(candidate, (uri) => !isAbsoluteUri(uri) || ajvUri(uri)), { numRuns: 5000 });
  });
});

describe('compactIriPrefix', () => {
  it('finds the prefix of a compact IRI, not of a hierarchical URI', () => {
    expect(compactIriPrefix('example:myField')).toBe('example');
    expect(compactIriPrefix('cbvmda:lotNumber')).toBe('cbvmda');
    expect(compactIriPrefix('https://example.com/x')).toBeNull();
    expect(compactIriPrefix('myField')).toBeNull();
  });
});
