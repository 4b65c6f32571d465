import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GS1_ARTEFACTS_DIR } from '@/lib/epcis/testing/gs1-artefacts';
import { epcKeyFromIdentifier, parseDigitalLink, parseEpcKey, parseEpcUrn, toCanonicalDigitalLinkUri, toEpcUrn } from '.';

// GS1's published EPCIS 2.0 example documents, read where they are kept
// (beside the repository, never copied into it).
const EXAMPLES = path.join(GS1_ARTEFACTS_DIR, 'JSON');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return /\.jsonld?$/.test(name) ? [full] : [];
  });
}

/** Every string in a JSON value, depth first, in document order. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** GS1 identifiers: EPC URNs and Digital Links (an http(s) URI whose path starts with a GS1 key). */
function isGs1Identifier(s: string): boolean {
  return /^urn:epc:(id|class|idpat):/.test(s) || /^https?:\/\/[^/]+\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\//.test(s);
}

const files = jsonFiles(EXAMPLES);
const identifiers = [...new Set(files.flatMap((f) => strings(JSON.parse(readFileSync(f, 'utf8')))).filter(isGs1Identifier))];

describe('the identifiers of the GS1 EPCIS 2.0 example documents', () => {
  it('are found (the examples are where the tests expect them)', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(identifiers.length).toBeGreaterThan(100);
    expect(identifiers).toContain('urn:epc:id:sgtin:0614141.107346.2017');
  });

  it('all parse to a canonical key whose canonical Digital Link reads back to the same key', () => {
    for (const id of identifiers) {
      const key = epcKeyFromIdentifier(id);
      expect(parseEpcKey(key).kind, id).toBeTruthy();
      expect(epcKeyFromIdentifier(toCanonicalDigitalLinkUri(key)), id).toBe(key);
    }
  });

  it('EPC URNs are written back exactly, given the company prefix length read from them', () => {
    const urns = identifiers.filter((s) => s.startsWith('urn:'));
    expect(urns.length).toBeGreaterThan(80);
    for (const urn of urns) {
      const { companyPrefixLength } = parseEpcUrn(urn);
      expect(toEpcUrn(epcKeyFromIdentifier(urn), companyPrefixLength)).toBe(urn);
    }
  });

  it('Digital Links with a GTIN, SSCC or GLN key parse to fields', () => {
    const links = identifiers.filter((s) => /^https?:\/\/[^/]+\/(01|00|414)\//.test(s));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(Object.keys(parseDigitalLink(link)).length, link).toBeGreaterThan(0);
  });

  // The URN and the Digital Link editions of Example 9.6.3 name the same
  // product class and batch: GS1's own conversion, a second implementation.
  it.each([
    ['urn:epc:idpat:sgtin:4012345.098765.*', 'https://id.gs1.org/01/04012345987652'],
    ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
  ])('%s is %s, as in the Digital Link edition of example 9.6.3', (urn, link) => {
    expect(identifiers).toContain(urn);
    expect(identifiers).toContain(link);
    expect(toCanonicalDigitalLinkUri(epcKeyFromIdentifier(urn))).toBe(link);
  });
});
