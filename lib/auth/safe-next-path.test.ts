import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFTER_SIGN_IN, safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNextPath('/console/settings/users')).toBe('/console/settings/users');
    expect(safeNextPath('/console?tab=keys#new')).toBe('/console?tab=keys#new');
  });

  it('sends everything that could leave the site to the console instead', () => {
    for (const evil of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/%09/evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      'console',
      '',
      '/sign-in',
      undefined,
      42,
    ]) {
      const result = safeNextPath(evil);
      expect(result === AFTER_SIGN_IN || new URL(result, 'https://site.invalid').origin === 'https://site.invalid').toBe(true);
      if (typeof evil === 'string' && !evil.startsWith('/%09')) expect(result).toBe(AFTER_SIGN_IN);
    }
  });

  it('never yields anything a browser would resolve to another origin, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = safeNextPath(input);
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(new URL(result, 'https://site.invalid').origin).toBe('https://site.invalid');
      }),
    );
  });
});
