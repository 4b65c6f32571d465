import { z } from 'zod';
import { hasValidCheckDigit } from '@/lib/gs1/check-digit';
import { ORG_ROLES, USER_ROLES } from './actor';

/** Inputs of the identity domain, validated at every boundary (API bodies and form data alike). */

/** E-mail addresses are compared lower-cased: one person, one account, however they type it. */
export const ZEmail = z
  .string({ error: 'Enter an e-mail address.' })
  .trim()
  .toLowerCase()
  .max(254, 'An e-mail address has at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.org.' }));

/**
 * A new password: long rather than "complex" (NIST SP 800-63B). The upper
 * bound keeps one sign-in from costing more than any other.
 */
export const ZNewPassword = z
  .string({ error: 'Enter a password.' })
  .min(12, 'Use at least 12 characters.')
  .max(128, 'Use at most 128 characters.');

/** A password being checked: any length up to a bound, so the policy of the day is not revealed. */
export const ZGivenPassword = z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024, 'The password is too long.');

export const ZSignIn = z.object({ email: ZEmail, password: ZGivenPassword });
export type TSignIn = z.infer<typeof ZSignIn>;

const ZPersonName = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.');

export const ZUserRole = z.enum(USER_ROLES, { error: 'Choose admin, operator or viewer.' });

export const ZCreateApiKey = z.object({
  name: z.string({ error: 'Name the key.' }).trim().min(1, 'Name the key, e.g. "Goods-in scanner 2".').max(80, 'Use at most 80 characters.'),
  // Keys act as operators at most: a key never manages keys, users or webhooks.
  role: z.enum(['OPERATOR', 'VIEWER'], { error: 'A key is an operator or a viewer.' }).default('OPERATOR'),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZCreateInvite = z.object({ email: ZEmail, role: ZUserRole });
export type TCreateInvite = z.infer<typeof ZCreateInvite>;

export const ZAcceptInvite = z.object({ name: ZPersonName, password: ZNewPassword });
export type TAcceptInvite = z.infer<typeof ZAcceptInvite>;

export const ZUpdateUser = z
  .object({ active: z.boolean().optional(), role: ZUserRole.optional() })
  .strict()
  .refine((v) => v.active !== undefined || v.role !== undefined, { error: 'Send "active", "role" or both.' });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/** Region codes Intl knows that are not ISO 3166-1 countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'UK']);
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && !NOT_COUNTRIES.has(c) && regions.of(c) !== undefined, {
    error: 'Use an ISO 3166-1 alpha-2 country code, e.g. DE.',
  });

export const ZGln = z
  .string()
  .trim()
  .regex(/^\d{13}$/, 'A GLN has 13 digits.')
  .refine(hasValidCheckDigit, { error: 'The GLN check digit is wrong.' });

export const ZOrganisationInput = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(ORG_ROLES),
  gln: ZGln,
  country: ZCountry,
  /** GS1 company prefixes (6-12 digits) a manufacturer may build GTINs from. */
  companyPrefixes: z.array(z.string().regex(/^\d{6,12}$/, 'A GS1 company prefix has 6 to 12 digits.')).max(50).default([]),
});
export type TOrganisationInput = z.input<typeof ZOrganisationInput>;
