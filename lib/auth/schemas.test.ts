import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '@/lib/gs1/check-digit';
import { ZCountry, ZEmail, ZGln, ZNewPassword, ZOrganisationInput, ZUpdateUser } from './schemas';

describe('identity inputs', () => {
  it('lower-cases and trims e-mail addresses and refuses malformed ones', () => {
    expect(ZEmail.parse('  Anna.Schmidt@Apotheke.EXAMPLE ')).toBe('anna.schmidt@apotheke.example');
    expect(ZEmail.safeParse('anna').success).toBe(false);
    expect(ZEmail.safeParse(`${'a'.repeat(250)}@x.example`).success).toBe(false);
  });

  it('asks for passwords of 12 to 128 characters', () => {
    expect(ZNewPassword.safeParse('short-pass1').success).toBe(false);
    expect(ZNewPassword.safeParse('twelve chars').success).toBe(true);
    expect(ZNewPassword.safeParse('x'.repeat(129)).success).toBe(false);
  });

  it('accepts a GLN only with 13 digits and the right GS1 check digit', () => {
    const gln = withCheckDigit('409876500001');
    expect(ZGln.parse(gln)).toBe(gln);
    const wrong = gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);
    expect(ZGln.safeParse(wrong).success).toBe(false);
    expect(ZGln.safeParse('40987650000').success).toBe(false);
    expect(ZGln.safeParse('409876500001a').success).toBe(false);
  });

  it('accepts ISO 3166-1 alpha-2 countries only', () => {
    expect(ZCountry.parse('de')).toBe('DE');
    for (const bad of ['XX', 'EU', 'UK', 'DEU', 'D']) expect(ZCountry.safeParse(bad).success).toBe(false);
  });

  it('validates an organisation as a whole', () => {
    const ok = ZOrganisationInput.safeParse({ name: 'Apotheke', role: 'PHARMACY', gln: withCheckDigit('409555500001'), country: 'DE' });
    expect(ok.success && ok.data.companyPrefixes).toEqual([]);
    expect(ZOrganisationInput.safeParse({ name: 'X', role: 'SHOP', gln: withCheckDigit('409555500001'), country: 'DE' }).success).toBe(false);
  });

  it('needs something to change in a user update and refuses unknown fields', () => {
    expect(ZUpdateUser.safeParse({}).success).toBe(false);
    expect(ZUpdateUser.safeParse({ active: false }).success).toBe(true);
    expect(ZUpdateUser.safeParse({ role: 'ADMIN', orgId: 'x' }).success).toBe(false);
  });
});
