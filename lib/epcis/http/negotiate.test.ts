import { describe, expect, it } from 'vitest';
import { compareVersions, negotiate } from './negotiate';

const refusal = (headers: Record<string, string>) => {
  try {
    negotiate(new Headers(headers));
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('negotiate', () => {
  it('accepts what speaks EPCIS 2.0 / CBV 2.0 in JSON, and a request that states nothing', () => {
    const accepted: Record<string, string>[] = [
      {},
      { 'GS1-EPCIS-Version': '2.0' },
      { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' },
      { 'GS1-EPCIS-Min': '1.2.0', 'GS1-EPCIS-Max': '2.0.0' },
      { 'GS1-EPCIS-Min': '2.0', 'GS1-EPCIS-Max': '2.1' },
      { 'GS1-CBV-Min': '1.2', 'GS1-CBV-Max': '2.0' },
      { accept: '*/*' },
      { accept: 'application/ld+json' },
      { accept: 'application/xml;q=0.9, application/json;q=0.5' },
      { accept: 'application/problem+json' },
    ];
    for (const headers of accepted) {
      expect(refusal(headers), JSON.stringify(headers)).toBeNull();
    }
  });

  it('refuses with 406 what excludes it', () => {
    for (const [headers, code] of [
      [{ 'GS1-EPCIS-Version': '1.2.0' }, 'epcis_version_unsupported'],
      [{ 'GS1-EPCIS-Version': '2.1' }, 'epcis_version_unsupported'],
      [{ 'GS1-EPCIS-Min': '2.1' }, 'epcis_version_unsupported'],
      [{ 'GS1-EPCIS-Max': '1.2' }, 'epcis_version_unsupported'],
      [{ 'GS1-CBV-Version': '1.2.2' }, 'epcis_version_unsupported'],
      [{ 'GS1-EPCIS-Version': 'two' }, 'epcis_version_unsupported'],
      [{ accept: 'application/xml' }, 'epcis_not_acceptable'],
      [{ accept: 'application/json;q=0, text/html' }, 'epcis_not_acceptable'],
    ] as const) {
      expect(refusal(headers), JSON.stringify(headers)).toBe(code);
    }
  });

  it('compares versions part by part', () => {
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('2.0.0', '2.0.1')).toBe(-1);
  });
});
